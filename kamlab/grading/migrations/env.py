"""Alembic's environment for the gradebook: always run by kamlab on a connection it has
already opened inside its own write transaction (``config.attributes["connection"]``), so an
upgrade is all or nothing; the revision is kept in ``kamlab_version``."""

from alembic import context

from kamlab.grading.gradebook import VERSION_TABLE

connection = context.config.attributes["connection"]
context.configure(connection=connection, version_table=VERSION_TABLE, transactional_ddl=True)
with context.begin_transaction():
    context.run_migrations()
