"""The application around the screens: start-up, the main window, its menus, help, one instance per database."""
