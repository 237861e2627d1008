"""In-app and email notifications about submissions."""
