"""register search: search documents for decided submissions, kept by triggers

Revision ID: f2c4a9e1b7d3
Revises: b3a6e2d1c0f4
Create Date: 2026-12-06 21:30:00.000000

An index of decisions newest first, for the register's pages. One table of search documents
(app/search.py), a row per decided submission in scope 'register': its title, the service named in the register's summary, the organisation's name
and the decision's reasons, all published on the register. Triggers rewrite a submission's
row when its decision is made or changed, its title changes or its organisation is renamed.
PostgreSQL keeps a generated tsvector under a GIN index; SQLite an FTS5 index over the rows.
"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'f2c4a9e1b7d3'
down_revision = 'b3a6e2d1c0f4'
branch_labels = None
depends_on = None

SELECT_REGISTER = """
    SELECT 'register', p.id, {body}
    FROM decision d
    JOIN proposal p ON p.id = d.proposal_id
    JOIN organisation o ON o.id = p.organisation_id
    WHERE {where}
"""
POSTGRESQL_BODY = "concat_ws(' ', p.title, d.summary ->> 'service', o.name, d.reasons)"
SQLITE_BODY = (
    "p.title || ' ' || coalesce(json_extract(d.summary, '$.service'), '') || ' ' || o.name "
    "|| ' ' || d.reasons"
)


def upgrade():
    op.create_index(
        'ix_decision_newest_first',
        'decision',
        [sa.text('decided_at DESC'), sa.text('id DESC')],
        unique=False,
    )
    if op.get_bind().dialect.name == 'postgresql':
        upgrade_postgresql()
    else:
        upgrade_sqlite()
    op.execute(
        'INSERT INTO search_entry (scope, record_id, body) '
        + SELECT_REGISTER.format(
            body=POSTGRESQL_BODY if op.get_bind().dialect.name == 'postgresql' else SQLITE_BODY,
            where='1 = 1',
        )
    )


def upgrade_postgresql():
    op.execute("""
        CREATE TABLE search_entry (
            id serial PRIMARY KEY,
            scope varchar(40) NOT NULL,
            record_id integer NOT NULL,
            body text NOT NULL,
            document tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, body)) STORED,
            CONSTRAINT uq_search_entry_scope_record UNIQUE (scope, record_id)
        )
    """)
    op.execute('CREATE INDEX ix_search_entry_document ON search_entry USING gin (document)')
    op.execute(f"""
        CREATE FUNCTION search_register_rewrite(ids integer[]) RETURNS void
        LANGUAGE sql AS $$
            DELETE FROM search_entry WHERE scope = 'register' AND record_id = ANY(ids);
            INSERT INTO search_entry (scope, record_id, body)
            {SELECT_REGISTER.format(body=POSTGRESQL_BODY, where='p.id = ANY(ids)')};
        $$
    """)
    for name, ids in (
        ('decision', "ARRAY[CASE WHEN TG_OP = 'DELETE' THEN OLD.proposal_id "
                     "ELSE NEW.proposal_id END]"),
        ('proposal', 'ARRAY[NEW.id]'),
        ('organisation', 'ARRAY(SELECT id FROM proposal WHERE organisation_id = NEW.id)'),
    ):
        op.execute(f"""
            CREATE FUNCTION search_register_on_{name}() RETURNS trigger
            LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM search_register_rewrite({ids});
                RETURN NULL;
            END
            $$
        """)
    op.execute("""
        CREATE TRIGGER search_register_decision AFTER INSERT OR UPDATE OR DELETE ON decision
        FOR EACH ROW EXECUTE FUNCTION search_register_on_decision()
    """)
    op.execute("""
        CREATE TRIGGER search_register_proposal AFTER UPDATE OF title ON proposal
        FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title)
        EXECUTE FUNCTION search_register_on_proposal()
    """)
    op.execute("""
        CREATE TRIGGER search_register_organisation AFTER UPDATE OF name ON organisation
        FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name)
        EXECUTE FUNCTION search_register_on_organisation()
    """)


def sqlite_rewrite(where: str) -> str:
    """The statements that rewrite the register's rows of the submissions ``where`` names."""
    ids = f'SELECT p.id FROM proposal p WHERE {where}'
    return (
        f"DELETE FROM search_entry WHERE scope = 'register' AND record_id IN ({ids});\n"
        'INSERT INTO search_entry (scope, record_id, body) '
        f'{SELECT_REGISTER.format(body=SQLITE_BODY, where=where)};'
    )


def upgrade_sqlite():
    op.execute("""
        CREATE TABLE search_entry (
            id INTEGER PRIMARY KEY,
            scope VARCHAR(40) NOT NULL,
            record_id INTEGER NOT NULL,
            body TEXT NOT NULL,
            CONSTRAINT uq_search_entry_scope_record UNIQUE (scope, record_id)
        )
    """)
    op.execute("""
        CREATE VIRTUAL TABLE search_entry_fts USING fts5(
            body, content='search_entry', content_rowid='id',
            tokenize='porter unicode61 remove_diacritics 2'
        )
    """)
    op.execute("""
        CREATE TRIGGER search_entry_inserted AFTER INSERT ON search_entry BEGIN
            INSERT INTO search_entry_fts (rowid, body) VALUES (new.id, new.body);
        END
    """)
    op.execute("""
        CREATE TRIGGER search_entry_deleted AFTER DELETE ON search_entry BEGIN
            INSERT INTO search_entry_fts (search_entry_fts, rowid, body)
            VALUES ('delete', old.id, old.body);
        END
    """)
    op.execute("""
        CREATE TRIGGER search_entry_updated AFTER UPDATE ON search_entry BEGIN
            INSERT INTO search_entry_fts (search_entry_fts, rowid, body)
            VALUES ('delete', old.id, old.body);
            INSERT INTO search_entry_fts (rowid, body) VALUES (new.id, new.body);
        END
    """)
    op.execute(f"""
        CREATE TRIGGER search_register_decision_inserted AFTER INSERT ON decision BEGIN
            {sqlite_rewrite('p.id = new.proposal_id')}
        END
    """)
    op.execute(f"""
        CREATE TRIGGER search_register_decision_updated AFTER UPDATE ON decision BEGIN
            DELETE FROM search_entry WHERE scope = 'register' AND record_id = old.proposal_id;
            {sqlite_rewrite('p.id = new.proposal_id')}
        END
    """)
    op.execute("""
        CREATE TRIGGER search_register_decision_deleted AFTER DELETE ON decision BEGIN
            DELETE FROM search_entry WHERE scope = 'register' AND record_id = old.proposal_id;
        END
    """)
    op.execute(f"""
        CREATE TRIGGER search_register_proposal_renamed AFTER UPDATE OF title ON proposal
        WHEN old.title IS NOT new.title BEGIN
            {sqlite_rewrite('p.id = new.id')}
        END
    """)
    op.execute(f"""
        CREATE TRIGGER search_register_organisation_renamed AFTER UPDATE OF name ON organisation
        WHEN old.name IS NOT new.name BEGIN
            {sqlite_rewrite('p.organisation_id = new.id')}
        END
    """)


def downgrade():
    op.drop_index('ix_decision_newest_first', table_name='decision')
    if op.get_bind().dialect.name == 'postgresql':
        op.execute('DROP TRIGGER search_register_organisation ON organisation')
        op.execute('DROP TRIGGER search_register_proposal ON proposal')
        op.execute('DROP TRIGGER search_register_decision ON decision')
        for name in ('organisation', 'proposal', 'decision'):
            op.execute(f'DROP FUNCTION search_register_on_{name}()')
        op.execute('DROP FUNCTION search_register_rewrite(integer[])')
        op.execute('DROP TABLE search_entry')
        return
    for trigger in (
        'search_register_organisation_renamed',
        'search_register_proposal_renamed',
        'search_register_decision_deleted',
        'search_register_decision_updated',
        'search_register_decision_inserted',
    ):
        op.execute(f'DROP TRIGGER {trigger}')
    op.execute('DROP TABLE search_entry_fts')
    op.execute('DROP TABLE search_entry')
