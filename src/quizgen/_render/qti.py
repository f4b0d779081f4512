"""Canvas quizzes: an IMS QTI 1.2 package (NAME.qti.zip) for Canvas's "QTI .zip file" import.

One assessment per deck, each in its own folder with Canvas's `assessment_meta.xml`, and an
`imsmanifest.xml` that lists every file. The layout and the Canvas question types follow
text2qti (github.com/gpoore/text2qti, BSD-3), the maintained writer of Canvas QTI; it is
not used as a library because it compiles its own Markdown dialect (our `_____` blanks,
`*` and `<` would be read as markup) and stamps the date of the day into the manifest.

    choice     -> multiple_choice_question (one response_label per choice)
    truefalse  -> true_false_question (choices "True", "False")
    short      -> short_answer_question (Canvas's "fill in the blank"), one `varequal`
    cloze         per accepted answer: the answer and every alias

Text is HTML (Canvas's `mattext texttype="text/html"`): escaped once as HTML here and once
as XML by ElementTree, so `<b>` in a deck arrives as the four characters `<b>`. The source
sentence is the general feedback, shown after answering. The zip is reproducible: entries
sorted, one fixed timestamp, no dates in the XML.
"""

from __future__ import annotations

import html
import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree as ET

from quizgen._atomic import atomic_path
from quizgen._deck import BLANK, BLANK_RE, Deck, Question, select_questions
from quizgen._errors import RenderError
from quizgen._render import RenderOptions

__all__ = ["OPTIONS", "SUFFIX", "QtiOptions", "package_files", "render"]

SUFFIX = ".qti.zip"
QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
MANIFEST_NS = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
CANVAS_NS = "http://canvas.instructure.com/xsd/cccv1p0"
# Zip entries carry a local time; one fixed time (zip's earliest) makes builds reproducible.
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_CANVAS_TYPES = {
    "choice": "multiple_choice_question",
    "truefalse": "true_false_question",
    "short": "short_answer_question",
    "cloze": "short_answer_question",
}


@dataclass(frozen=True)
class QtiOptions(RenderOptions):
    """The QTI renderer's options: only the common ones (which questions)."""


OPTIONS = QtiOptions


def render(decks: Sequence[Deck], out_path: Path, options: QtiOptions) -> list[Path]:
    """Write the decks as one QTI package at `out_path`; returns [out_path].

    Raises RenderError for no decks, two decks with one id, or an output that is a folder;
    nothing is written then.
    """
    out_path = Path(out_path)
    if not decks:
        raise RenderError("qti: no decks to render")
    if out_path.is_dir():
        raise RenderError(f"{out_path}: is a folder; give a file name ending in {SUFFIX}")
    ids = [deck.stable_id for deck in decks]
    if len(set(ids)) != len(ids):
        raise RenderError("qti: two decks have the same deck_id; give each its own")
    files = package_files(decks, options)
    with atomic_path(out_path) as tmp:
        tmp.write_bytes(_zip(files))
    return [out_path]


def package_files(decks: Sequence[Deck], options: RenderOptions) -> dict[str, bytes]:
    """Every file of the package: zip path -> UTF-8 XML bytes, manifest included."""
    files: dict[str, bytes] = {}
    resources = []
    for deck in decks:
        ident = f"quizgen-{deck.stable_id}"
        questions = select_questions(deck.questions, options.kinds, options.types, options.limit)
        assessment = f"{ident}/{ident}.xml"
        meta = f"{ident}/assessment_meta.xml"
        files[assessment] = _xml(_assessment(deck, ident, questions))
        files[meta] = _xml(_meta(deck, ident, len(questions)))
        resources.append((ident, assessment, meta))
    files["imsmanifest.xml"] = _xml(_manifest(resources))
    return files


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, files[name])
    return buffer.getvalue()


def _xml(root: ET.Element) -> bytes:
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = text
    return element


def _html(text: str) -> str:
    """Plain text as the HTML Canvas shows: escaped, line breaks kept."""
    return html.escape(text).replace("\n", "<br/>")


def _manifest(resources: list[tuple[str, str, str]]) -> ET.Element:
    root = ET.Element("manifest", {"identifier": "quizgen-manifest", "xmlns": MANIFEST_NS})
    metadata = _sub(root, "metadata")
    _sub(metadata, "schema", "IMS Content")
    _sub(metadata, "schemaversion", "1.1.3")
    _sub(root, "organizations")
    listed = _sub(root, "resources")
    for ident, assessment, meta in resources:
        resource = _sub(listed, "resource", identifier=ident, type="imsqti_xmlv1p2")
        _sub(resource, "file", href=assessment)
        _sub(resource, "dependency", identifierref=f"{ident}-meta")
        kind = "associatedcontent/imscc_xmlv1p1/learning-application-resource"
        dependency = _sub(listed, "resource", identifier=f"{ident}-meta", type=kind, href=meta)
        _sub(dependency, "file", href=meta)
    return root


def _meta(deck: Deck, ident: str, count: int) -> ET.Element:
    """Canvas's quiz settings: its title, points, unshuffled answers, unpublished."""
    root = ET.Element("quiz", {"identifier": ident, "xmlns": CANVAS_NS})
    _sub(root, "title", deck.title)
    _sub(root, "description", "")
    _sub(root, "shuffle_answers", "false")
    _sub(root, "scoring_policy", "keep_highest")
    _sub(root, "quiz_type", "assignment")
    _sub(root, "points_possible", f"{count:.1f}")
    _sub(root, "show_correct_answers", "true")
    _sub(root, "allowed_attempts", "1")
    _sub(root, "available", "false")
    return root


def _assessment(deck: Deck, ident: str, questions: list[Question]) -> ET.Element:
    root = ET.Element("questestinterop", {"xmlns": QTI_NS})
    assessment = _sub(root, "assessment", ident=ident, title=deck.title)
    section = _sub(assessment, "section", ident="root_section")
    for question in questions:
        _item(section, question)
    return root


def _choices(question: Question) -> list[tuple[str, str]]:
    """(response ident, label) of a choice or true/false question."""
    if question.type == "truefalse":
        return [(f"{question.id}-true", "True"), (f"{question.id}-false", "False")]
    return [(f"{question.id}-{i}", choice) for i, choice in enumerate(question.choices)]


def _correct(question: Question) -> list[str]:
    """The responses scored right: choice idents, or the accepted answers as typed text."""
    if question.type == "truefalse":
        return [f"{question.id}-{question.answer.strip().lower()}"]
    if question.type == "choice":
        return [ident for ident, label in _choices(question) if label == question.answer]
    return list(dict.fromkeys(question.answers))


def _item(section: ET.Element, question: Question) -> None:
    item = _sub(section, "item", ident=question.id, title=question.id)
    fields = _sub(_sub(item, "itemmetadata"), "qtimetadata")
    choices = _choices(question) if question.type in ("choice", "truefalse") else []
    for label, entry in (
        ("question_type", _CANVAS_TYPES[question.type]),
        ("points_possible", "1.0"),
        ("original_answer_ids", ",".join(ident for ident, _ in choices)),
    ):
        field = _sub(fields, "qtimetadatafield")
        _sub(field, "fieldlabel", label)
        _sub(field, "fieldentry", entry)

    presentation = _sub(item, "presentation")
    prompt = BLANK_RE.sub(BLANK, question.prompt)
    _sub(_sub(presentation, "material"), "mattext", _html(prompt), texttype="text/html")
    if choices:
        response = _sub(presentation, "response_lid", ident="response1", rcardinality="Single")
        render_choice = _sub(response, "render_choice")
        for ident, label in choices:
            option = _sub(render_choice, "response_label", ident=ident)
            _sub(_sub(option, "material"), "mattext", _html(label), texttype="text/html")
    else:
        response = _sub(presentation, "response_str", ident="response1", rcardinality="Single")
        _sub(_sub(response, "render_fib"), "response_label", ident="answer1", rshuffle="No")

    processing = _sub(item, "resprocessing")
    _sub(
        _sub(processing, "outcomes"),
        "decvar",
        maxvalue="100",
        minvalue="0",
        varname="SCORE",
        vartype="Decimal",
    )
    if question.context:
        general = _sub(processing, "respcondition", **{"continue": "Yes"})
        _sub(_sub(general, "conditionvar"), "other")
        _sub(general, "displayfeedback", feedbacktype="Response", linkrefid="general_fb")
    right = _sub(processing, "respcondition", **{"continue": "No"})
    condition = _sub(right, "conditionvar")
    for value in _correct(question):
        _sub(condition, "varequal", value, respident="response1")
    _sub(right, "setvar", "100", action="Set", varname="SCORE")
    if question.context:
        feedback = _sub(item, "itemfeedback", ident="general_fb")
        material = _sub(_sub(feedback, "flow_mat"), "material")
        _sub(material, "mattext", _html(question.context), texttype="text/html")
