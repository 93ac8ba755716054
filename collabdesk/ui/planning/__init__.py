"""Planning workshops: the New workshop and agenda dialogs, the agenda editor, templates and frameworks."""
