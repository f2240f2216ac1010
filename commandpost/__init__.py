"""Command Post's composition root as a package: ``commandpost.main`` dispatches every command.

``main.py`` at the repository root and the installed entry points (``command-post``,
``command-post-hub``) all call ``commandpost.main``.
"""
