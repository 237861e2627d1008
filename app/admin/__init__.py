"""Administration of users, roles, organisations and public bodies."""
