"""Jobs: work too long for a request (whole-document PDFs, batch printing) runs as a :class:`~antrean.models.Tugas`.

Why RQ with django-rq: Redis already runs next to the application, RQ is small, well kept and easy to read
(a job is a function path and its arguments; a worker is one process, ``manage.py rqworker default``), and
django-rq only adds the settings and that management command. Celery would bring a broker abstraction, beat
and result backends this application does not need.

Without ``REDIS_URL`` the same code runs each job inline, in the process that asked, with the same rows,
progress and retries, so ``make demo`` and the default tests need no Redis.

The app stands on ``core`` only: it knows no kecamatan model. A job names the kecamatan it concerns by its
primary key and the permission (a django-rules name) a user must hold on it to see the job.
"""
