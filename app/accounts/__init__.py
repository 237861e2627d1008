"""Accounts: people, the organisations and public bodies they belong to, and their roles."""
