"""Valuecase: right-to-challenge and right-to-propose submissions, checked for value."""

from flask import Flask


def create_app(test_config: dict | None = None) -> Flask:
    """Build the application: config, extensions, templates, blueprints and commands."""
    from .json_provider import OrjsonProvider

    app = Flask(__name__, instance_relative_config=True)
    app.json = OrjsonProvider(app)

    from . import config

    config.init_app(app, test_config)

    from . import errors, extensions, layout, logging_setup, security

    logging_setup.init_app(app)
    extensions.init_app(app)
    security.init_app(app)
    layout.init_app(app)
    errors.init_app(app)

    from .checks import extension as checks

    checks.init_app(app)

    from . import training

    training.init_app(app)

    from .proxies import extension as proxies

    proxies.init_app(app)

    from .accounts import views as accounts_views
    from .admin import views as admin_views
    from .api import views as api_views
    from .assurance import views as assurance_views
    from .attachments import views as attachment_views
    from .baselines import views as baseline_views
    from .checks import views as check_views
    from .decommissioning import views as decommissioning_views
    from .delivery import views as delivery_views
    from .examples import views as examples_views
    from .help import views as help_views
    from .main import views as main_views
    from .messages import views as message_views
    from .notifications import views as notification_views
    from .proposals import section_views
    from .proposals import views as proposal_views
    from .proxies import views as proxy_views
    from .register import views as register_views
    from .reports import views as report_views
    from .savings import views as savings_views
    from .training import views as training_views
    from .triage import views as triage_views

    app.register_blueprint(main_views.bp)
    app.register_blueprint(accounts_views.bp)
    app.register_blueprint(admin_views.bp)
    app.register_blueprint(proposal_views.bp)
    app.register_blueprint(section_views.bp)
    app.register_blueprint(api_views.bp)
    app.register_blueprint(check_views.bp)
    app.register_blueprint(triage_views.bp)
    app.register_blueprint(report_views.bp)
    app.register_blueprint(register_views.bp)
    app.register_blueprint(notification_views.bp)
    app.register_blueprint(training_views.bp)
    app.register_blueprint(message_views.bp)
    app.register_blueprint(attachment_views.bp)
    app.register_blueprint(proxy_views.bp)
    app.register_blueprint(examples_views.bp)
    app.register_blueprint(help_views.bp)
    app.register_blueprint(delivery_views.bp)
    app.register_blueprint(baseline_views.bp)
    app.register_blueprint(assurance_views.bp)
    app.register_blueprint(decommissioning_views.bp)
    app.register_blueprint(savings_views.bp)

    from . import cli

    cli.init_app(app)
    return app
