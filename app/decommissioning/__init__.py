"""Decommissioning assessed for value: before a public body stops or substantially changes a
service, its commissioners assess what the change puts at risk, for whom, and decide with
reasons in public (consultation response, recommendation 2).

Pure modules: ``document`` (the assessment as a plain mapping), ``valuing`` (the value at
risk, through the value account) and ``facts`` (what the rules read). The rest is the flow:
``models``, ``forms``, ``services``, ``views`` and ``demo``.
"""
