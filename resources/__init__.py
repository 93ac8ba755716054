"""CollabDesk's bundled files, installed as the package ``collabdesk.resources``.

setup.py maps this folder to that package, so a wheel, an editable install and the
one-folder app all carry it; read it through ``collabdesk.resource_files``.
"""
