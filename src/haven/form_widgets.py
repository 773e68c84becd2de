"""Form widgets written in Python: Django's own widget templates, to the byte, without the template engine.

Django draws every input, select and option of a form by rendering a small template (an input's is two
templates, a select's three per option). The case list's filters, six fields, cost some 6 ms a page that
way, more than its twenty-five lines. :class:`WidgetRenderer` writes the templates below itself, exactly
as Django's write them (``django/forms/templates/django/forms/widgets``, tested against them for every
kind of value and attribute), and leaves every other template (a form's layout, radio buttons, file
inputs, Haven's own templates) to Django's renderer.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from django.forms.renderers import DjangoTemplates
from django.utils.formats import localize
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeData

WIDGETS = "django/forms/widgets/"
INPUTS = (
    "checkbox", "color", "date", "datetime", "email", "file", "hidden", "number", "password", "search",
    "tel", "text", "time", "url",
)  # fmt: skip


def _shown(value: Any) -> str:
    """``{{ value }}`` in an autoescaped template."""
    value = localize(value)
    return str(conditional_escape(value if isinstance(value, str) else str(value)))


def _formatted(value: Any) -> str:
    """``{{ value|stringformat:'s' }}``: the filter keeps a safe value safe, and escapes anything else."""
    try:
        text = "%s" % (str(value) if isinstance(value, tuple) else value)  # as the filter does
    except (ValueError, TypeError):
        return ""
    return text if isinstance(value, SafeData) else str(escape(text))


def attrs(widget: Mapping[str, Any]) -> str:
    """``attrs.html``: each attribute that is not False, bare when True."""
    out = []
    for name, value in widget["attrs"].items():
        if value is not False:
            out.append(f" {_shown(name)}" if value is True else f' {_shown(name)}="{_formatted(value)}"')
    return "".join(out)


def input_html(widget: Mapping[str, Any]) -> str:
    value = "" if widget["value"] is None else f' value="{_formatted(widget["value"])}"'
    return f'<input type="{_shown(widget["type"])}" name="{_shown(widget["name"])}"{value}{attrs(widget)}>'


def option_html(widget: Mapping[str, Any]) -> str:
    return f'<option value="{_formatted(widget["value"])}"{attrs(widget)}>{_shown(widget["label"])}</option>'


def textarea_html(widget: Mapping[str, Any]) -> str:
    value = _shown(widget["value"]) if widget["value"] else ""
    return f'<textarea name="{_shown(widget["name"])}"{attrs(widget)}>\n{value}</textarea>'


SELECT = f"{WIDGETS}select.html"

# The templates written here that draw one widget from its context's ``widget`` alone.
_WRITERS: dict[str, Callable[[Mapping[str, Any]], str]] = {
    **{f"{WIDGETS}{name}.html": input_html for name in INPUTS},
    f"{WIDGETS}input.html": input_html,
    f"{WIDGETS}select_option.html": option_html,
    f"{WIDGETS}textarea.html": textarea_html,
}


class WidgetRenderer(DjangoTemplates):
    """Django's template renderer, with its input, select, option and textarea templates written in Python."""

    def render(self, template_name: str, context: dict[str, Any], request: Any = None) -> str:
        if template_name == SELECT:
            return self._select(context, request)
        write = _WRITERS.get(template_name)
        if write is None:
            return str(super().render(template_name, context, request))
        return write(context["widget"])

    def _select(self, context: dict[str, Any], request: Any) -> str:
        """``select.html``: its options by their own templates, written here when they are Django's."""
        widget = context["widget"]
        out = [f'<select name="{_shown(widget["name"])}"{attrs(widget)}>']
        for group_name, group_choices, _index in widget["optgroups"]:
            if group_name:
                out.append(f'\n  <optgroup label="{_shown(group_name)}">')
            for option in group_choices:
                write = _WRITERS.get(option["template_name"])
                if write is None:  # another option template: as {% include %} renders it
                    template = self.get_template(option["template_name"])
                    out.append("\n  " + template.render({**context, "widget": option}, request=request))
                else:
                    out.append("\n  " + write(option) + "\n")  # the option template's own last line
            if group_name:
                out.append("\n  </optgroup>")
        out.append("\n</select>")
        return "".join(out)
