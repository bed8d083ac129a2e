"""Schema 5: classes (班级) in one gradebook: each with its learners (a learner may be in
several), its exercises with their due dates, and its trainers. A gradebook from before
has no class: everything in it stays visible without ``--class``.

Revision ID: kamlab_0005
"""

import sqlalchemy as sa
from alembic import op

revision = "kamlab_0005"
down_revision = "kamlab_0004"


def upgrade() -> None:
    op.create_table("classes", sa.Column("class_id", sa.Text, primary_key=True),
                    sa.Column("created_at", sa.Text, nullable=False))
    op.create_table("class_learners", sa.Column("class_id", sa.Text, sa.ForeignKey("classes.class_id"), primary_key=True),
                    sa.Column("learner_id", sa.Text, sa.ForeignKey("learners.learner_id"), primary_key=True))
    op.create_table("class_exercises", sa.Column("class_id", sa.Text, sa.ForeignKey("classes.class_id"), primary_key=True),
                    sa.Column("exercise_id", sa.Text, primary_key=True), sa.Column("due_at", sa.Text),
                    sa.Column("late_penalty", sa.Float))
    op.create_table("class_trainers", sa.Column("class_id", sa.Text, sa.ForeignKey("classes.class_id"), primary_key=True),
                    sa.Column("trainer", sa.Text, primary_key=True))


def downgrade() -> None:
    raise NotImplementedError("kamlab gradebooks are only upgraded")
