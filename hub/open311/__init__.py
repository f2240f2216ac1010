"""Open311 GeoReport v2 intake at ``/open311/v2/`` (services, requests; JSON and XML).

Modules: ``keys`` (API keys of the intake channels), ``locate`` (point → grid),
``render`` (the GeoReport v2 objects in JSON and XML), ``service`` (what each call does,
Qt- and HTTP-free), ``routes`` (the FastAPI routes), ``cli`` (``hub apikey …``).
"""
