"""Schema 3: the class's exercises in the order they first appeared (assigned or first
submitted), by sequence number, not by a timestamp that two assigns can share.

Revision ID: kamlab_0003
"""

import sqlalchemy as sa
from alembic import op

revision = "kamlab_0003"
down_revision = "kamlab_0002"


def upgrade() -> None:
    op.create_table("exercises", sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
                    sa.Column("exercise_id", sa.Text, nullable=False, unique=True), sqlite_autoincrement=True)
    op.execute("INSERT INTO exercises (exercise_id) SELECT exercise_id FROM ("
               "SELECT exercise_id, assigned_at AS t FROM assigned UNION ALL "
               "SELECT exercise_id, MIN(received_at) FROM submissions GROUP BY exercise_id) AS first_seen "
               "GROUP BY exercise_id ORDER BY MIN(t), exercise_id")


def downgrade() -> None:
    op.drop_table("exercises")
