"""The emails accounts send, as (subject, body) pairs; the links come in built on SITE_URL.

Sign-up and password reset always send one email, whether or not the address has an account,
so the page can answer alike for both and the email (read only by the address's owner) says
which it is.
"""

FOOTER = "\nIf you did not ask for this, you can ignore this email.\n\nValuecase\n"


def confirm_address(name: str, link: str) -> tuple[str, str]:
    """The link that confirms a new address and finishes creating the account."""
    return (
        "Confirm your email address for Valuecase",
        f"Hello {name},\n\nTo finish creating your Valuecase account, use this link to confirm "
        f"your email address and choose a password. It works for 24 hours:\n\n{link}\n{FOOTER}",
    )


def already_registered(name: str, sign_in_link: str, reset_link: str) -> tuple[str, str]:
    """A sign-up for an address that has an account already."""
    return (
        "You already have a Valuecase account",
        f"Hello {name},\n\nSomeone tried to create a Valuecase account with this email address, "
        f"but it already has one. Sign in here:\n\n{sign_in_link}\n\nIf you have forgotten "
        f"your password, you can reset it:\n\n{reset_link}\n{FOOTER}",
    )


def reset_link(name: str, link: str) -> tuple[str, str]:
    """The link that lets a person choose a new password."""
    return (
        "Reset your Valuecase password",
        f"Hello {name},\n\nUse this link to choose a new password. It works once and expires "
        f"in an hour:\n\n{link}\n\nIf you did not ask for this, ignore this email: your "
        "password has not changed.\n",
    )


def no_account_to_reset(sign_up_link: str) -> tuple[str, str]:
    """A reset asked for an address with no active account."""
    return (
        "Reset your Valuecase password",
        "Someone asked to reset the Valuecase password for this email address, but no active "
        "account uses it. You may have signed up with another address, or an administrator "
        f"may have closed the account. To create an account:\n\n{sign_up_link}\n{FOOTER}",
    )


def invitation(joining: str, inviter: str, link: str, days: int) -> tuple[str, str]:
    """An administrator's invitation to join, with the link that creates the account."""
    return (
        "You are invited to join Valuecase",
        f"Hello,\n\n{inviter} has invited you to join Valuecase as {joining}.\n\nUse this link "
        f"to choose your name and password. It works once, for {days} days:\n\n{link}\n\n"
        "If you were not expecting this, you can ignore this email.\n\nValuecase\n",
    )


def added_by_admin(name: str, joining: str, inviter: str, sign_in_link: str) -> tuple[str, str]:
    """A person with an account already, added by an administrator."""
    return (
        "You have been added on Valuecase",
        f"Hello {name},\n\n{inviter} has made you {joining} on Valuecase, using the account "
        f"you already have. Sign in as usual to continue:\n\n{sign_in_link}\n\nIf you think "
        "this is a mistake, reply to your administrator.\n\nValuecase\n",
    )
