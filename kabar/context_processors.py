"""The unread count in every page's header; counted only when a template reads it (one query)."""

from django.utils.functional import SimpleLazyObject

from .selectors import kabar_belum_dibaca


def kabar(request):
    user = getattr(request, "user", None)
    if user is None:
        return {}
    return {"kabar_belum": SimpleLazyObject(lambda: kabar_belum_dibaca(user))}
