"""queue and baseline search: search documents for submitted submissions and service baselines

Revision ID: c1d8e3f5a2b6
Revises: a9f3b7c2d1e0
Create Date: 2026-12-07 10:00:00.000000

Two more scopes in the search documents of app/search.py, kept by triggers as the register's are:

- 'queue': a row per submitted (not draft) submission, with its title, its organisation's name
  and the service name and summary of its latest submitted version: what the commissioners of
  the body it is addressed to read. Rewritten when a version is added, changed or removed, the
  title or organisation changes, the status leaves or enters draft, or the organisation is
  renamed; removed with the submission.
- 'baselines': a row per service baseline, with its name, description, provider, its outcomes'
  descriptions and indicators and its body's name: all on the public baseline pages.
  Rewritten when a baseline is published, changed or removed, or its body is renamed.
"""
from alembic import op

# revision identifiers, used by Alembic.
revision = 'c1d8e3f5a2b6'
down_revision = 'a9f3b7c2d1e0'
branch_labels = None
depends_on = None

SELECT_QUEUE = """
    SELECT 'queue', p.id, {body}
    FROM proposal p
    JOIN organisation o ON o.id = p.organisation_id
    LEFT JOIN proposal_version v ON v.proposal_id = p.id AND v.number = (
        SELECT max(latest.number) FROM proposal_version latest WHERE latest.proposal_id = p.id
    )
    WHERE p.status <> 'draft' AND {where}
"""
SELECT_BASELINES = """
    SELECT 'baselines', b.id, {body}
    FROM service_baseline b
    JOIN public_body pb ON pb.id = b.public_body_id
    WHERE {where}
"""
BODIES = {
    'postgresql': {
        'queue': (
            "concat_ws(' ', p.title, o.name, v.document -> 'service' ->> 'name', "
            "v.document ->> 'summary')"
        ),
        'baselines': """concat_ws(' ', b.name, b.description, b.provider_name, pb.name, (
            SELECT string_agg(concat_ws(' ', e ->> 'description', e ->> 'indicator'), ' ')
            FROM jsonb_array_elements(
                CASE WHEN jsonb_typeof(b.outcomes) = 'array' THEN b.outcomes ELSE '[]' END
            ) e
            WHERE jsonb_typeof(e) = 'object'
        ))""",
    },
    'sqlite': {
        'queue': (
            "p.title || ' ' || o.name || ' ' "
            "|| coalesce(json_extract(v.document, '$.service.name'), '') || ' ' "
            "|| coalesce(json_extract(v.document, '$.summary'), '')"
        ),
        'baselines': """coalesce(b.name, '') || ' ' || coalesce(b.description, '') || ' '
            || coalesce(b.provider_name, '') || ' ' || pb.name || ' ' || coalesce((
                SELECT group_concat(
                    coalesce(json_extract(e.value, '$.description'), '') || ' '
                    || coalesce(json_extract(e.value, '$.indicator'), ''), ' ')
                FROM json_each(b.outcomes) e
                WHERE e.type = 'object'
            ), '')""",
    },
}
SELECTS = {
    # scope: (its rows, the table they are made from, that table's alias)
    'queue': (SELECT_QUEUE, 'proposal p', 'p'),
    'baselines': (SELECT_BASELINES, 'service_baseline b', 'b'),
}


def select(dialect: str, scope: str, where: str) -> str:
    """The rows of ``scope`` for the records ``where`` names."""
    return SELECTS[scope][0].format(body=BODIES[dialect][scope], where=where)


def upgrade():
    dialect = op.get_bind().dialect.name
    if dialect == 'postgresql':
        upgrade_postgresql()
    else:
        upgrade_sqlite()
    for scope in SELECTS:
        op.execute(
            'INSERT INTO search_entry (scope, record_id, body) '
            + select('postgresql' if dialect == 'postgresql' else 'sqlite', scope, '1 = 1')
        )


POSTGRESQL_TRIGGERS = (
    # (scope, trigger function, ids to rewrite, CREATE TRIGGER clauses)
    (
        'queue',
        'proposal_version',
        "ARRAY[CASE WHEN TG_OP = 'DELETE' THEN OLD.proposal_id ELSE NEW.proposal_id END]",
        ('AFTER INSERT OR UPDATE OR DELETE ON proposal_version',),
    ),
    (
        'queue',
        'proposal',
        "ARRAY[CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END]",
        (
            'AFTER INSERT OR DELETE ON proposal',
            """AFTER UPDATE OF title, status, organisation_id ON proposal FOR EACH ROW
            WHEN (OLD.title IS DISTINCT FROM NEW.title
                OR (OLD.status = 'draft') IS DISTINCT FROM (NEW.status = 'draft')
                OR OLD.organisation_id IS DISTINCT FROM NEW.organisation_id)""",
        ),
    ),
    (
        'queue',
        'organisation',
        'ARRAY(SELECT id FROM proposal WHERE organisation_id = NEW.id)',
        (
            """AFTER UPDATE OF name ON organisation FOR EACH ROW
            WHEN (OLD.name IS DISTINCT FROM NEW.name)""",
        ),
    ),
    (
        'baselines',
        'service_baseline',
        "ARRAY[CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END]",
        ('AFTER INSERT OR UPDATE OR DELETE ON service_baseline',),
    ),
    (
        'baselines',
        'public_body',
        'ARRAY(SELECT id FROM service_baseline WHERE public_body_id = NEW.id)',
        (
            """AFTER UPDATE OF name ON public_body FOR EACH ROW
            WHEN (OLD.name IS DISTINCT FROM NEW.name)""",
        ),
    ),
)


def upgrade_postgresql():
    for scope, (_, _, alias) in SELECTS.items():
        op.execute(f"""
            CREATE FUNCTION search_{scope}_rewrite(ids integer[]) RETURNS void
            LANGUAGE sql AS $$
                DELETE FROM search_entry WHERE scope = '{scope}' AND record_id = ANY(ids);
                INSERT INTO search_entry (scope, record_id, body)
                {select('postgresql', scope, f'{alias}.id = ANY(ids)')};
            $$
        """)
    for scope, name, ids, clauses in POSTGRESQL_TRIGGERS:
        op.execute(f"""
            CREATE FUNCTION search_{scope}_on_{name}() RETURNS trigger
            LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM search_{scope}_rewrite({ids});
                RETURN NULL;
            END
            $$
        """)
        for number, clause in enumerate(clauses):
            if 'FOR EACH ROW' not in clause:
                clause += ' FOR EACH ROW'
            op.execute(
                f'CREATE TRIGGER search_{scope}_{name}_{number} {clause} '
                f'EXECUTE FUNCTION search_{scope}_on_{name}()'
            )


def sqlite_rewrite(scope: str, where: str) -> str:
    """The statements that rewrite the rows of ``scope`` for the records ``where`` names."""
    _, source, alias = SELECTS[scope]
    return (
        f"DELETE FROM search_entry WHERE scope = '{scope}' AND record_id IN "
        f'(SELECT {alias}.id FROM {source} WHERE {where});\n'
        'INSERT INTO search_entry (scope, record_id, body) '
        f"{select('sqlite', scope, where)};"
    )


def sqlite_forget(scope: str, key: str) -> str:
    return f"DELETE FROM search_entry WHERE scope = '{scope}' AND record_id = {key};"


SQLITE_TRIGGERS = {
    # name: (event, statements)
    'search_queue_version_inserted': (
        'AFTER INSERT ON proposal_version',
        sqlite_rewrite('queue', 'p.id = new.proposal_id'),
    ),
    'search_queue_version_updated': (
        'AFTER UPDATE ON proposal_version',
        sqlite_rewrite('queue', 'p.id IN (old.proposal_id, new.proposal_id)'),
    ),
    'search_queue_version_deleted': (
        'AFTER DELETE ON proposal_version',
        sqlite_rewrite('queue', 'p.id = old.proposal_id'),
    ),
    'search_queue_proposal_inserted': (
        'AFTER INSERT ON proposal',
        sqlite_rewrite('queue', 'p.id = new.id'),
    ),
    'search_queue_proposal_changed': (
        """AFTER UPDATE OF title, status, organisation_id ON proposal
        WHEN old.title IS NOT new.title OR (old.status = 'draft') IS NOT (new.status = 'draft')
            OR old.organisation_id IS NOT new.organisation_id""",
        sqlite_rewrite('queue', 'p.id = new.id'),
    ),
    'search_queue_proposal_deleted': (
        'AFTER DELETE ON proposal',
        sqlite_forget('queue', 'old.id'),
    ),
    'search_queue_organisation_renamed': (
        'AFTER UPDATE OF name ON organisation WHEN old.name IS NOT new.name',
        sqlite_rewrite('queue', 'p.organisation_id = new.id'),
    ),
    'search_baselines_inserted': (
        'AFTER INSERT ON service_baseline',
        sqlite_rewrite('baselines', 'b.id = new.id'),
    ),
    'search_baselines_updated': (
        'AFTER UPDATE ON service_baseline',
        sqlite_forget('baselines', 'old.id') + '\n' + sqlite_rewrite('baselines', 'b.id = new.id'),
    ),
    'search_baselines_deleted': (
        'AFTER DELETE ON service_baseline',
        sqlite_forget('baselines', 'old.id'),
    ),
    'search_baselines_body_renamed': (
        'AFTER UPDATE OF name ON public_body WHEN old.name IS NOT new.name',
        sqlite_rewrite('baselines', 'b.public_body_id = new.id'),
    ),
}


def upgrade_sqlite():
    for name, (event, statements) in SQLITE_TRIGGERS.items():
        op.execute(f'CREATE TRIGGER {name} {event} BEGIN\n{statements}\nEND')


def downgrade():
    if op.get_bind().dialect.name == 'postgresql':
        for scope, name, _, clauses in POSTGRESQL_TRIGGERS:
            for number in range(len(clauses)):
                op.execute(f'DROP TRIGGER search_{scope}_{name}_{number} ON {name}')
            op.execute(f'DROP FUNCTION search_{scope}_on_{name}()')
        for scope in SELECTS:
            op.execute(f'DROP FUNCTION search_{scope}_rewrite(integer[])')
    else:
        for name in SQLITE_TRIGGERS:
            op.execute(f'DROP TRIGGER {name}')
    op.execute("DELETE FROM search_entry WHERE scope IN ('queue', 'baselines')")
