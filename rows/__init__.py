"""Table rows in plain Python (no Qt): row lists that announce precise changes.

A view's Qt model is a thin adapter over these (``widgets/rows_model.py``): every
structural step is announced to an observer before and after it happens, in the order Qt's
item models need. Nothing in this package imports Qt (an import-linter contract keeps it so).
"""
