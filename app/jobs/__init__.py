"""Background work: re-checking every open submission, rendering assessment PDFs, sending email.

Work runs inline when no Redis is configured (``REDIS_URL`` unset) and as RQ jobs on the
Redis queue when it is; ``flask --app app worker`` runs a worker for that queue.
"""
