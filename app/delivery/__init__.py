"""Delivery: the contract that follows an accepted case, results reported against its impact
map, verified by the body, valued with the same arithmetic as the case, and paid on results.

Plain-Python domain modules (``terms``, ``schedule``, ``figures``, ``realised``, ``payments``)
hold the rules; ``models`` and ``services`` keep them in the database; ``views`` are thin.
"""
