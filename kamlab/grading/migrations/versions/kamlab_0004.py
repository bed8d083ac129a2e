"""Schema 4: removed learners (kept with their history, hidden from lists and rates); who
was given each exercise (a learner added later is not missing it; before, every learner
owed every assigned exercise, and still does); due dates and an optional late penalty.

Revision ID: kamlab_0004
"""

import sqlalchemy as sa
from alembic import op

revision = "kamlab_0004"
down_revision = "kamlab_0003"


def upgrade() -> None:
    op.add_column("learners", sa.Column("removed_at", sa.Text))
    op.create_table("assigned_to",
                    sa.Column("learner_id", sa.Text, sa.ForeignKey("learners.learner_id"), primary_key=True),
                    sa.Column("exercise_id", sa.Text, primary_key=True))
    op.execute("INSERT INTO assigned_to (learner_id, exercise_id) "
               "SELECT l.learner_id, a.exercise_id FROM learners l, assigned a")
    op.add_column("assigned", sa.Column("due_at", sa.Text))
    op.add_column("assigned", sa.Column("late_penalty", sa.Float))


def downgrade() -> None:
    raise NotImplementedError("kamlab gradebooks are only upgraded")
