"""Which packages setuptools installs; everything else about the project is in pyproject.toml.

Besides every ``collabdesk`` package, the top-level ``resources/`` folder is installed as
``collabdesk.resources`` with all its files, so wheels, editable installs and the one-folder
app (packaging/) read them alike through ``importlib.resources``. pyproject.toml cannot add
a mapped package to the ones it finds, hence this file.
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["collabdesk*"]), "collabdesk.resources"],
    package_dir={"collabdesk.resources": "resources"},
    package_data={"collabdesk.resources": ["fonts/*", "frameworks/*", "icons/*", "phone/*", "sounds/*"]},
)
