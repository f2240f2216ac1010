"""The ``/api/v1`` routes of protocol v1, one module per resource; ``hub.api.build_router``
puts them together. Each module's ``add_routes(router, kit)`` registers its routes; the
``RouteKit`` (``kit``) holds what they share: authentication, body reading and validation,
and the audited refusal of a command.
"""
