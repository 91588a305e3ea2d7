import hashlib

from django.http import HttpResponseNotAllowed, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt

from .models import Note


def index(request):
    return JsonResponse({
        "notes": [note.text for note in Note.objects.order_by("id")],
        "add": reverse("add"),
        "first": reverse("note", args=[1]),
        "script_name": request.META.get("SCRIPT_NAME", ""),
    })


@csrf_exempt
def add(request):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    note = Note.objects.create(text=request.POST["text"])
    return HttpResponseRedirect(reverse("note", args=[note.id]))


def note(request, note_id):
    found = get_object_or_404(Note, id=note_id)
    return JsonResponse({"id": found.id, "text": found.text, "url": request.build_absolute_uri()})


@csrf_exempt
def upload(request):
    # A raw body of any size, read through Django's own stream.
    digest = hashlib.sha256(request.body).hexdigest()
    return JsonResponse({"length": len(request.body), "sha256": digest})
