from django.urls import path

from . import views

urlpatterns = [
    path("", views.index, name="index"),
    path("notes/", views.add, name="add"),
    path("notes/<int:note_id>", views.note, name="note"),
    path("upload", views.upload, name="upload"),
]
