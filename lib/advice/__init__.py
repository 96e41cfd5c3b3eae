"""Participation advice per wijk: engagement profiles, who was heard, recommendations with reasons.

Sits between ``lib.wijken`` and ``lib.present``; imports only from core, reading, areas, themes and wijken.
"""
