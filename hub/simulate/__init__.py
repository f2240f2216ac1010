"""The hub simulator: citizens, dispatchers and units acting on a hub over its public API.

It drives any protocol-conformant hub through ``/api/v1`` only (``requests``), never through
the hub's code. ``--mode nyc311`` replays real New York 311 records instead of inventing
reports. Delays are simulated times divided by ``--speed``.

The package, by job:

- ``scenario``: what the simulated city looks like (the report mix, each case's fate, the
  citizens' answers) — every share is a named constant here;
- ``nyc_replay``: NYC 311 records placed in the hub's world (``hub.nyc311`` reads them);
- ``engine``: the driving loop (job heap, clocks, retries, reading answers);
- ``loop11``: the protocol 1.1 closed loop on top of the engine;
- ``simulator``: ``Simulator``, the jobs and decisions of each actor;
- ``world``: the hub's regions, units and categories as the simulator learned them;
- ``hubapi``: the wire (``Transport``, ``Reply``, ``HubApi``); ``jobs``: ``Track``, ``Job``;
- ``config`` and ``cli``: ``SimConfig`` and ``hub simulate``'s command line.
"""

from __future__ import annotations

from hub.simulate.cli import build_parser, parse_config, simulate_main
from hub.simulate.config import SimConfig
from hub.simulate.hubapi import HttpTransport, HubApi, Reply, Transport, parse_time
from hub.simulate.jobs import Job, Track
from hub.simulate.simulator import Simulator
from hub.simulate.world import World

__all__ = ["HttpTransport", "HubApi", "Job", "Reply", "SimConfig", "Simulator", "Track",
           "Transport", "World", "build_parser", "parse_config", "parse_time",
           "simulate_main"]
