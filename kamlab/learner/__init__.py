"""The learner's work: answer store, exercise sheets, worksheets and quizzes.

Pure data and storage (no widgets); the forms that show them live in
:mod:`kamlab.widgets` (``exercise_answers``, ``worksheet_widget``, ``quiz_widget``).
"""
