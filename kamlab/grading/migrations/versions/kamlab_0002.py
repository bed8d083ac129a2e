"""Schema 2: learners, submissions, scores, assigned, manual (the first gradebook with a
version number; a SQLite file of this schema has ``user_version`` 2 and no version table).

Revision ID: kamlab_0002
"""

import sqlalchemy as sa
from alembic import op

revision = "kamlab_0002"
down_revision = None


def upgrade() -> None:
    op.create_table("learners", sa.Column("learner_id", sa.Text, primary_key=True),
                    sa.Column("name", sa.Text, nullable=False, server_default=""),
                    sa.Column("token", sa.Text, nullable=False, server_default=""))
    op.create_table("submissions", sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
                    sa.Column("learner_id", sa.Text, sa.ForeignKey("learners.learner_id"), nullable=False),
                    sa.Column("exercise_id", sa.Text, nullable=False), sa.Column("assignment_id", sa.Text, nullable=False),
                    sa.Column("submitted_at", sa.Text, nullable=False), sa.Column("received_at", sa.Text, nullable=False),
                    sa.Column("signature", sa.Text, nullable=False), sa.Column("raw", sa.Text, nullable=False),
                    sa.UniqueConstraint("learner_id", "exercise_id", "signature"), sqlite_autoincrement=True)
    op.create_table("scores", sa.Column("submission_id", sa.Integer, sa.ForeignKey("submissions.id"), primary_key=True),
                    sa.Column("question_id", sa.Text, primary_key=True), sa.Column("position", sa.Integer, nullable=False),
                    sa.Column("score", sa.Float, nullable=False), sa.Column("max_score", sa.Float, nullable=False),
                    sa.Column("answer", sa.Text, nullable=False), sa.Column("expected", sa.Text, nullable=False),
                    sa.Column("detail", sa.Text, nullable=False))
    op.create_table("assigned", sa.Column("exercise_id", sa.Text, primary_key=True),
                    sa.Column("assignment_id", sa.Text, nullable=False), sa.Column("assigned_at", sa.Text, nullable=False))
    op.create_table("manual", sa.Column("learner_id", sa.Text, primary_key=True),
                    sa.Column("exercise_id", sa.Text, primary_key=True),
                    sa.Column("question_id", sa.Text, primary_key=True, server_default=""), sa.Column("score", sa.Float),
                    sa.Column("comment", sa.Text, nullable=False, server_default=""), sa.Column("answer", sa.Text),
                    sa.Column("updated_at", sa.Text, nullable=False))


def downgrade() -> None:
    for table in ("manual", "assigned", "scores", "submissions", "learners"):
        op.drop_table(table)
