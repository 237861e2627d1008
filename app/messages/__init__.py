"""Messages between an organisation and the public body about a submission, and notes between
the body's commissioners."""
