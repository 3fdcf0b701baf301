"""``{% load akses %}{% has_perm 'dokumen.setujui' user kecamatan as boleh_setujui %}``: the permissions of
the apps' ``rules.py``, checked in templates with the same ``rules.has_perm`` the views and services use.

Unlike django-rules' own tag (``user.has_perm``), superusers get what their role (Admin Bappeda) may do, not
every permission, so a template never offers an action the service would refuse.
"""

from __future__ import annotations

import rules
from django import template

register = template.Library()


@register.simple_tag
def has_perm(izin: str, user, obj=None) -> bool:
    return rules.has_perm(izin, user, obj)
