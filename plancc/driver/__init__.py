"""The driver: what the commands run, from files named on the command line to reports and documents.

- ``settings``: :class:`Settings`, plancc.toml merged with the command line;
- ``discover``: folders expanded into plan files;
- ``check``: the front half (load → model → check) for one file or many;
- ``render``: the back half (layout → .docx → .pdf) of one render job;
- ``parallel``: the one parallel map both use;
- ``collector``: when the cycle collector runs.

Nothing is imported here, so ``plancc --version`` pays for none of it, and
``validate`` never imports the document stack that ``render`` needs.
"""
