"""Compiled validator for schema/roadmap.schema.json. GENERATED: do not edit.

Regenerate with ``python tools/generate_fastcheck.py`` after changing the schema.
"""
# ruff: noqa
# mypy: ignore-errors


class JsonSchemaValueException(ValueError):
    """The data breaks the schema (only the first problem is reported)."""

    def __init__(self, message, value=None, name=None, rule=None, **_):
        super().__init__(message)
        self.message, self.value, self.name, self.rule = message, value, name, rule


JsonSchemaValuesException = JsonSchemaValueException


from twins_cli.check.fastcheck.shared import distinct as _distinct, remembered as _remembered
Decimal = float
import re
REGEX_PATTERNS = {'^[a-z0-9]+(-[a-z0-9]+)*$': '^[a-z0-9]+(-[a-z0-9]+)*\\Z', '^([0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?|(Early|Mid|Late|Q[1-4]|H[12]) [0-9]{4})$': '^([0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?|(Early|Mid|Late|Q[1-4]|H[12]) [0-9]{4})\\Z', '^[A-Z]{3}$': '^[A-Z]{3}\\Z', '^P[1-9][0-9]*$': '^P[1-9][0-9]*\\Z', '^[0-9]{4}-[0-9]{2}$': '^[0-9]{4}-[0-9]{2}\\Z', '^https?://[^\\s]+$': '^https?://[^\\s]+\\Z', '^[A-Z]{2}$': '^[A-Z]{2}\\Z', '^[0-9]{4}-[0-9]{2}-[0-9]{2}$': '^[0-9]{4}-[0-9]{2}-[0-9]{2}\\Z'}
NoneType = type(None)

def validate(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be object', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['schema_version', 'pair', 'sources']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must contain ' + (str(sorted(data__missing_keys)) + ' properties'), value=data, name='' + (name_prefix or 'data') + '', rule='required')
        data_keys = set(data.keys())
        if 'schema_version' in data_keys:
            data_keys.remove('schema_version')
            data__schemaversion = data['schema_version']
            if not isinstance(data__schemaversion, int) and (not (isinstance(data__schemaversion, float) and data__schemaversion.is_integer())) or isinstance(data__schemaversion, bool):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.schema_version must be integer', value=data__schemaversion, name='' + (name_prefix or 'data') + '.schema_version', rule='type')
            if not (isinstance(data__schemaversion, (int, float)) and (not isinstance(data__schemaversion, bool)) and (data__schemaversion == 1)):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.schema_version must be same as const definition: 1', value=data__schemaversion, name='' + (name_prefix or 'data') + '.schema_version', rule='const')
        if 'pair' in data_keys:
            data_keys.remove('pair')
            data__pair = data['pair']
            validate____defs_pair(data__pair, custom_formats)
        if 'updated' in data_keys:
            data_keys.remove('updated')
            data__updated = data['updated']
            validate____defs_day(data__updated, custom_formats)
        if 'sources' in data_keys:
            data_keys.remove('sources')
            data__sources = data['sources']
            if not isinstance(data__sources, (list, tuple)):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.sources must be array', value=data__sources, name='' + (name_prefix or 'data') + '.sources', rule='type')
            data__sources_is_list = isinstance(data__sources, (list, tuple))
            if data__sources_is_list:
                data__sources_len = len(data__sources)
                if data__sources_len < 1:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.sources must contain at least 1 items', value=data__sources, name='' + (name_prefix or 'data') + '.sources', rule='minItems')
                for data__sources_x, data__sources_item in enumerate(data__sources):
                    validate____defs_source(data__sources_item, custom_formats)
        if 'agreements' in data_keys:
            data_keys.remove('agreements')
            data__agreements = data['agreements']
            if not isinstance(data__agreements, (list, tuple)):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.agreements must be array', value=data__agreements, name='' + (name_prefix or 'data') + '.agreements', rule='type')
            data__agreements_is_list = isinstance(data__agreements, (list, tuple))
            if data__agreements_is_list:
                data__agreements_len = len(data__agreements)
                for data__agreements_x, data__agreements_item in enumerate(data__agreements):
                    validate____defs_agreement(data__agreements_item, custom_formats)
        if 'organisations' in data_keys:
            data_keys.remove('organisations')
            data__organisations = data['organisations']
            if not isinstance(data__organisations, (list, tuple)):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.organisations must be array', value=data__organisations, name='' + (name_prefix or 'data') + '.organisations', rule='type')
            data__organisations_is_list = isinstance(data__organisations, (list, tuple))
            if data__organisations_is_list:
                data__organisations_len = len(data__organisations)
                for data__organisations_x, data__organisations_item in enumerate(data__organisations):
                    validate____defs_organisation(data__organisations_item, custom_formats)
        if 'people' in data_keys:
            data_keys.remove('people')
            data__people = data['people']
            if not isinstance(data__people, (list, tuple)):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.people must be array', value=data__people, name='' + (name_prefix or 'data') + '.people', rule='type')
            data__people_is_list = isinstance(data__people, (list, tuple))
            if data__people_is_list:
                data__people_len = len(data__people)
                for data__people_x, data__people_item in enumerate(data__people):
                    validate____defs_person(data__people_item, custom_formats)
        if 'proposals' in data_keys:
            data_keys.remove('proposals')
            data__proposals = data['proposals']
            if not isinstance(data__proposals, (list, tuple)):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.proposals must be array', value=data__proposals, name='' + (name_prefix or 'data') + '.proposals', rule='type')
            data__proposals_is_list = isinstance(data__proposals, (list, tuple))
            if data__proposals_is_list:
                data__proposals_len = len(data__proposals)
                for data__proposals_x, data__proposals_item in enumerate(data__proposals):
                    validate____defs_proposal(data__proposals_item, custom_formats)
        if 'milestones' in data_keys:
            data_keys.remove('milestones')
            data__milestones = data['milestones']
            if not isinstance(data__milestones, (list, tuple)):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.milestones must be array', value=data__milestones, name='' + (name_prefix or 'data') + '.milestones', rule='type')
            data__milestones_is_list = isinstance(data__milestones, (list, tuple))
            if data__milestones_is_list:
                data__milestones_len = len(data__milestones)
                for data__milestones_x, data__milestones_item in enumerate(data__milestones):
                    validate____defs_milestone(data__milestones_item, custom_formats)
        if 'snapshots' in data_keys:
            data_keys.remove('snapshots')
            data__snapshots = data['snapshots']
            if not isinstance(data__snapshots, (list, tuple)):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.snapshots must be array', value=data__snapshots, name='' + (name_prefix or 'data') + '.snapshots', rule='type')
            data__snapshots_is_list = isinstance(data__snapshots, (list, tuple))
            if data__snapshots_is_list:
                data__snapshots_len = len(data__snapshots)
                for data__snapshots_x, data__snapshots_item in enumerate(data__snapshots):
                    validate____defs_snapshot(data__snapshots_item, custom_formats)
        if 'national_context' in data_keys:
            data_keys.remove('national_context')
            data__nationalcontext = data['national_context']
            validate____defs_nationalcontext(data__nationalcontext, custom_formats)
        if 'forewords' in data_keys:
            data_keys.remove('forewords')
            data__forewords = data['forewords']
            if not isinstance(data__forewords, (list, tuple)):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.forewords must be array', value=data__forewords, name='' + (name_prefix or 'data') + '.forewords', rule='type')
            data__forewords_is_list = isinstance(data__forewords, (list, tuple))
            if data__forewords_is_list:
                data__forewords_len = len(data__forewords)
                for data__forewords_x, data__forewords_item in enumerate(data__forewords):
                    validate____defs_foreword(data__forewords_item, custom_formats)
        if 'overview' in data_keys:
            data_keys.remove('overview')
            data__overview = data['overview']
            if not isinstance(data__overview, dict):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.overview must be object', value=data__overview, name='' + (name_prefix or 'data') + '.overview', rule='type')
            data__overview_is_dict = isinstance(data__overview, dict)
            if data__overview_is_dict:
                data__overview_keys = set(data__overview.keys())
                if 'purpose' in data__overview_keys:
                    data__overview_keys.remove('purpose')
                    data__overview__purpose = data__overview['purpose']
                    validate____defs_section(data__overview__purpose, custom_formats)
                if 'why_the_pair' in data__overview_keys:
                    data__overview_keys.remove('why_the_pair')
                    data__overview__whythepair = data__overview['why_the_pair']
                    validate____defs_section(data__overview__whythepair, custom_formats)
                if 'development' in data__overview_keys:
                    data__overview_keys.remove('development')
                    data__overview__development = data__overview['development']
                    validate____defs_section(data__overview__development, custom_formats)
                if data__overview_keys:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.overview must not contain ' + str(data__overview_keys) + ' properties', value=data__overview, name='' + (name_prefix or 'data') + '.overview', rule='additionalProperties')
        if 'visits' in data_keys:
            data_keys.remove('visits')
            data__visits = data['visits']
            if not isinstance(data__visits, (list, tuple)):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.visits must be array', value=data__visits, name='' + (name_prefix or 'data') + '.visits', rule='type')
            data__visits_is_list = isinstance(data__visits, (list, tuple))
            if data__visits_is_list:
                data__visits_len = len(data__visits)
                for data__visits_x, data__visits_item in enumerate(data__visits):
                    validate____defs_visit(data__visits_item, custom_formats)
        if 'contacts' in data_keys:
            data_keys.remove('contacts')
            data__contacts = data['contacts']
            if not isinstance(data__contacts, (list, tuple)):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.contacts must be array', value=data__contacts, name='' + (name_prefix or 'data') + '.contacts', rule='type')
            data__contacts_is_list = isinstance(data__contacts, (list, tuple))
            if data__contacts_is_list:
                data__contacts_len = len(data__contacts)
                for data__contacts_x, data__contacts_item in enumerate(data__contacts):
                    validate____defs_personid(data__contacts_item, custom_formats)
        if 'notes' in data_keys:
            data_keys.remove('notes')
            data__notes = data['notes']
            if not isinstance(data__notes, (list, tuple)):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.notes must be array', value=data__notes, name='' + (name_prefix or 'data') + '.notes', rule='type')
            data__notes_is_list = isinstance(data__notes, (list, tuple))
            if data__notes_is_list:
                data__notes_len = len(data__notes)
                for data__notes_x, data__notes_item in enumerate(data__notes):
                    validate____defs_text(data__notes_item, custom_formats)
        if data_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must not contain ' + str(data_keys) + ' properties', value=data, name='' + (name_prefix or 'data') + '', rule='additionalProperties')
    return data

def validate____defs_text(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, str):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be string', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    if isinstance(data, str):
        data_len = len(data)
        if data_len < 1:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be longer than or equal to 1 characters', value=data, name='' + (name_prefix or 'data') + '', rule='minLength')
    return data

def validate____defs_personid(data, custom_formats={}, name_prefix=None):
    validate____defs_slug(data, custom_formats)
    return data

def validate____defs_slug(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, str):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be string', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    if isinstance(data, str):
        if not REGEX_PATTERNS['^[a-z0-9]+(-[a-z0-9]+)*$'].search(data):
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must match pattern ^[a-z0-9]+(-[a-z0-9]+)*$', value=data, name='' + (name_prefix or 'data') + '', rule='pattern')
    return data

def validate____defs_visit(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be object', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'title', 'source', 'printed_in']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must contain ' + (str(sorted(data__missing_keys)) + ' properties'), value=data, name='' + (name_prefix or 'data') + '', rule='required')
        data_keys = set(data.keys())
        if 'id' in data_keys:
            data_keys.remove('id')
            data__id = data['id']
            validate____defs_slug(data__id, custom_formats)
        if 'title' in data_keys:
            data_keys.remove('title')
            data__title = data['title']
            validate____defs_text(data__title, custom_formats)
        if 'from' in data_keys:
            data_keys.remove('from')
            data__from = data['from']
            validate____defs_slug(data__from, custom_formats)
        if 'to' in data_keys:
            data_keys.remove('to')
            data__to = data['to']
            validate____defs_slug(data__to, custom_formats)
        if 'led_by' in data_keys:
            data_keys.remove('led_by')
            data__ledby = data['led_by']
            validate____defs_personid(data__ledby, custom_formats)
        if 'date' in data_keys:
            data_keys.remove('date')
            data__date = data['date']
            validate____defs_fuzzydate(data__date, custom_formats)
        if 'date_as_printed' in data_keys:
            data_keys.remove('date_as_printed')
            data__dateasprinted = data['date_as_printed']
            validate____defs_aswrittendate(data__dateasprinted, custom_formats)
        if 'visited' in data_keys:
            data_keys.remove('visited')
            data__visited = data['visited']
            if not isinstance(data__visited, (list, tuple)):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.visited must be array', value=data__visited, name='' + (name_prefix or 'data') + '.visited', rule='type')
            data__visited_is_list = isinstance(data__visited, (list, tuple))
            if data__visited_is_list:
                data__visited_len = len(data__visited)
                for data__visited_x, data__visited_item in enumerate(data__visited):
                    if not isinstance(data__visited_item, dict):
                        raise JsonSchemaValueException('' + (name_prefix or 'data') + '.visited[{data__visited_x}]'.format(**locals()) + ' must be object', value=data__visited_item, name='' + (name_prefix or 'data') + '.visited[{data__visited_x}]'.format(**locals()) + '', rule='type')
                    data__visited_item_is_dict = isinstance(data__visited_item, dict)
                    if data__visited_item_is_dict:
                        data__visited_item__missing_keys = set(['name']) - data__visited_item.keys()
                        if data__visited_item__missing_keys:
                            raise JsonSchemaValueException('' + (name_prefix or 'data') + '.visited[{data__visited_x}]'.format(**locals()) + ' must contain ' + (str(sorted(data__visited_item__missing_keys)) + ' properties'), value=data__visited_item, name='' + (name_prefix or 'data') + '.visited[{data__visited_x}]'.format(**locals()) + '', rule='required')
                        data__visited_item_keys = set(data__visited_item.keys())
                        if 'name' in data__visited_item_keys:
                            data__visited_item_keys.remove('name')
                            data__visited_item__name = data__visited_item['name']
                            validate____defs_text(data__visited_item__name, custom_formats)
                        if 'organisation' in data__visited_item_keys:
                            data__visited_item_keys.remove('organisation')
                            data__visited_item__organisation = data__visited_item['organisation']
                            validate____defs_organisationid(data__visited_item__organisation, custom_formats)
                        if data__visited_item_keys:
                            raise JsonSchemaValueException('' + (name_prefix or 'data') + '.visited[{data__visited_x}]'.format(**locals()) + ' must not contain ' + str(data__visited_item_keys) + ' properties', value=data__visited_item, name='' + (name_prefix or 'data') + '.visited[{data__visited_x}]'.format(**locals()) + '', rule='additionalProperties')
        if 'source' in data_keys:
            data_keys.remove('source')
            data__source = data['source']
            validate____defs_citedsource(data__source, custom_formats)
        if 'printed_in' in data_keys:
            data_keys.remove('printed_in')
            data__printedin = data['printed_in']
            validate____defs_printedin(data__printedin, custom_formats)
        if 'note' in data_keys:
            data_keys.remove('note')
            data__note = data['note']
            validate____defs_text(data__note, custom_formats)
        if data_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must not contain ' + str(data_keys) + ' properties', value=data, name='' + (name_prefix or 'data') + '', rule='additionalProperties')
    return data

def validate____defs_printedin(data, custom_formats={}, name_prefix=None):
    validate____defs_text(data, custom_formats)
    return data

def validate____defs_citedsource(data, custom_formats={}, name_prefix=None):
    validate____defs_text(data, custom_formats)
    return data

def validate____defs_organisationid(data, custom_formats={}, name_prefix=None):
    validate____defs_slug(data, custom_formats)
    return data

def validate____defs_aswrittendate(data, custom_formats={}, name_prefix=None):
    validate____defs_text(data, custom_formats)
    return data

def validate____defs_fuzzydate(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, str):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be string', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    if isinstance(data, str):
        if not REGEX_PATTERNS['^([0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?|(Early|Mid|Late|Q[1-4]|H[12]) [0-9]{4})$'].search(data):
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must match pattern ^([0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?|(Early|Mid|Late|Q[1-4]|H[12]) [0-9]{4})$', value=data, name='' + (name_prefix or 'data') + '', rule='pattern')
    return data

def validate____defs_section(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be object', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['heading', 'source', 'printed_in']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must contain ' + (str(sorted(data__missing_keys)) + ' properties'), value=data, name='' + (name_prefix or 'data') + '', rule='required')
        data_keys = set(data.keys())
        if 'heading' in data_keys:
            data_keys.remove('heading')
            data__heading = data['heading']
            validate____defs_text(data__heading, custom_formats)
        if 'strapline' in data_keys:
            data_keys.remove('strapline')
            data__strapline = data['strapline']
            validate____defs_text(data__strapline, custom_formats)
        if 'paragraphs' in data_keys:
            data_keys.remove('paragraphs')
            data__paragraphs = data['paragraphs']
            validate____defs_textlist(data__paragraphs, custom_formats)
        if 'points' in data_keys:
            data_keys.remove('points')
            data__points = data['points']
            validate____defs_textlist(data__points, custom_formats)
        if 'subsections' in data_keys:
            data_keys.remove('subsections')
            data__subsections = data['subsections']
            if not isinstance(data__subsections, (list, tuple)):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.subsections must be array', value=data__subsections, name='' + (name_prefix or 'data') + '.subsections', rule='type')
            data__subsections_is_list = isinstance(data__subsections, (list, tuple))
            if data__subsections_is_list:
                data__subsections_len = len(data__subsections)
                for data__subsections_x, data__subsections_item in enumerate(data__subsections):
                    validate____defs_subsection(data__subsections_item, custom_formats)
        if 'captions' in data_keys:
            data_keys.remove('captions')
            data__captions = data['captions']
            validate____defs_textlist(data__captions, custom_formats)
        if 'source' in data_keys:
            data_keys.remove('source')
            data__source = data['source']
            validate____defs_citedsource(data__source, custom_formats)
        if 'printed_in' in data_keys:
            data_keys.remove('printed_in')
            data__printedin = data['printed_in']
            validate____defs_printedin(data__printedin, custom_formats)
        if 'note' in data_keys:
            data_keys.remove('note')
            data__note = data['note']
            validate____defs_text(data__note, custom_formats)
        if data_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must not contain ' + str(data_keys) + ' properties', value=data, name='' + (name_prefix or 'data') + '', rule='additionalProperties')
    return data

def validate____defs_subsection(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be object', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['heading']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must contain ' + (str(sorted(data__missing_keys)) + ' properties'), value=data, name='' + (name_prefix or 'data') + '', rule='required')
        data_keys = set(data.keys())
        if 'heading' in data_keys:
            data_keys.remove('heading')
            data__heading = data['heading']
            validate____defs_text(data__heading, custom_formats)
        if 'paragraphs' in data_keys:
            data_keys.remove('paragraphs')
            data__paragraphs = data['paragraphs']
            validate____defs_textlist(data__paragraphs, custom_formats)
        if 'points' in data_keys:
            data_keys.remove('points')
            data__points = data['points']
            validate____defs_textlist(data__points, custom_formats)
        if data_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must not contain ' + str(data_keys) + ' properties', value=data, name='' + (name_prefix or 'data') + '', rule='additionalProperties')
    return data

def validate____defs_textlist(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (list, tuple)):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be array', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    data_is_list = isinstance(data, (list, tuple))
    if data_is_list:
        data_len = len(data)
        for data_x, data_item in enumerate(data):
            validate____defs_text(data_item, custom_formats)
    return data

def validate____defs_foreword(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be object', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['by', 'key_points', 'source', 'printed_in']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must contain ' + (str(sorted(data__missing_keys)) + ' properties'), value=data, name='' + (name_prefix or 'data') + '', rule='required')
        data_keys = set(data.keys())
        if 'place' in data_keys:
            data_keys.remove('place')
            data__place = data['place']
            validate____defs_slug(data__place, custom_formats)
        if 'by' in data_keys:
            data_keys.remove('by')
            data__by = data['by']
            validate____defs_personid(data__by, custom_formats)
        if 'signed_as' in data_keys:
            data_keys.remove('signed_as')
            data__signedas = data['signed_as']
            validate____defs_textlist(data__signedas, custom_formats)
        if 'key_points' in data_keys:
            data_keys.remove('key_points')
            data__keypoints = data['key_points']
            validate____defs_textlist(data__keypoints, custom_formats)
        if 'source' in data_keys:
            data_keys.remove('source')
            data__source = data['source']
            validate____defs_citedsource(data__source, custom_formats)
        if 'printed_in' in data_keys:
            data_keys.remove('printed_in')
            data__printedin = data['printed_in']
            validate____defs_printedin(data__printedin, custom_formats)
        if data_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must not contain ' + str(data_keys) + ' properties', value=data, name='' + (name_prefix or 'data') + '', rule='additionalProperties')
    return data

def validate____defs_nationalcontext(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be object', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data_keys = set(data.keys())
        if 'sections' in data_keys:
            data_keys.remove('sections')
            data__sections = data['sections']
            if not isinstance(data__sections, (list, tuple)):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.sections must be array', value=data__sections, name='' + (name_prefix or 'data') + '.sections', rule='type')
            data__sections_is_list = isinstance(data__sections, (list, tuple))
            if data__sections_is_list:
                data__sections_len = len(data__sections)
                for data__sections_x, data__sections_item in enumerate(data__sections):
                    validate____defs_section(data__sections_item, custom_formats)
        if 'figures' in data_keys:
            data_keys.remove('figures')
            data__figures = data['figures']
            if not isinstance(data__figures, (list, tuple)):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.figures must be array', value=data__figures, name='' + (name_prefix or 'data') + '.figures', rule='type')
            data__figures_is_list = isinstance(data__figures, (list, tuple))
            if data__figures_is_list:
                data__figures_len = len(data__figures)
                for data__figures_x, data__figures_item in enumerate(data__figures):
                    validate____defs_contextfigure(data__figures_item, custom_formats)
        if 'events' in data_keys:
            data_keys.remove('events')
            data__events = data['events']
            if not isinstance(data__events, (list, tuple)):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.events must be array', value=data__events, name='' + (name_prefix or 'data') + '.events', rule='type')
            data__events_is_list = isinstance(data__events, (list, tuple))
            if data__events_is_list:
                data__events_len = len(data__events)
                for data__events_x, data__events_item in enumerate(data__events):
                    validate____defs_contextevent(data__events_item, custom_formats)
        if data_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must not contain ' + str(data_keys) + ' properties', value=data, name='' + (name_prefix or 'data') + '', rule='additionalProperties')
    return data

def validate____defs_contextevent(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be object', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'title', 'description', 'source', 'printed_in']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must contain ' + (str(sorted(data__missing_keys)) + ' properties'), value=data, name='' + (name_prefix or 'data') + '', rule='required')
        data_keys = set(data.keys())
        if 'id' in data_keys:
            data_keys.remove('id')
            data__id = data['id']
            validate____defs_slug(data__id, custom_formats)
        if 'title' in data_keys:
            data_keys.remove('title')
            data__title = data['title']
            validate____defs_text(data__title, custom_formats)
        if 'date' in data_keys:
            data_keys.remove('date')
            data__date = data['date']
            validate____defs_fuzzydate(data__date, custom_formats)
        if 'date_as_printed' in data_keys:
            data_keys.remove('date_as_printed')
            data__dateasprinted = data['date_as_printed']
            validate____defs_aswrittendate(data__dateasprinted, custom_formats)
        if 'date_inferred' in data_keys:
            data_keys.remove('date_inferred')
            data__dateinferred = data['date_inferred']
            if not isinstance(data__dateinferred, bool):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.date_inferred must be boolean', value=data__dateinferred, name='' + (name_prefix or 'data') + '.date_inferred', rule='type')
        if 'description' in data_keys:
            data_keys.remove('description')
            data__description = data['description']
            validate____defs_text(data__description, custom_formats)
        if 'source' in data_keys:
            data_keys.remove('source')
            data__source = data['source']
            validate____defs_citedsource(data__source, custom_formats)
        if 'printed_in' in data_keys:
            data_keys.remove('printed_in')
            data__printedin = data['printed_in']
            validate____defs_printedin(data__printedin, custom_formats)
        if 'note' in data_keys:
            data_keys.remove('note')
            data__note = data['note']
            validate____defs_text(data__note, custom_formats)
        if data_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must not contain ' + str(data_keys) + ' properties', value=data, name='' + (name_prefix or 'data') + '', rule='additionalProperties')
    return data

def validate____defs_contextfigure(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be object', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'label', 'value', 'about', 'as_printed', 'source', 'printed_in']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must contain ' + (str(sorted(data__missing_keys)) + ' properties'), value=data, name='' + (name_prefix or 'data') + '', rule='required')
        data_keys = set(data.keys())
        if 'id' in data_keys:
            data_keys.remove('id')
            data__id = data['id']
            validate____defs_slug(data__id, custom_formats)
        if 'label' in data_keys:
            data_keys.remove('label')
            data__label = data['label']
            validate____defs_text(data__label, custom_formats)
        if 'value' in data_keys:
            data_keys.remove('value')
            data__value = data['value']
            validate____defs_text(data__value, custom_formats)
        if 'unit' in data_keys:
            data_keys.remove('unit')
            data__unit = data['unit']
            validate____defs_text(data__unit, custom_formats)
        if 'kind' in data_keys:
            data_keys.remove('kind')
            data__kind = data['kind']
            if not (isinstance(data__kind, str) and data__kind == 'amount' or (isinstance(data__kind, str) and data__kind == 'share') or (isinstance(data__kind, str) and data__kind == 'rank') or (isinstance(data__kind, str) and data__kind == 'duration')):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + ".kind must be one of ['amount', 'share', 'rank', 'duration']", value=data__kind, name='' + (name_prefix or 'data') + '.kind', rule='enum')
        if 'year' in data_keys:
            data_keys.remove('year')
            data__year = data['year']
            if not isinstance(data__year, int) and (not (isinstance(data__year, float) and data__year.is_integer())) or isinstance(data__year, bool):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.year must be integer', value=data__year, name='' + (name_prefix or 'data') + '.year', rule='type')
            if isinstance(data__year, (int, float, Decimal)) and (not isinstance(data__year, bool)):
                if data__year < 1900:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.year must be bigger than or equal to 1900', value=data__year, name='' + (name_prefix or 'data') + '.year', rule='minimum')
                if data__year > 2100:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.year must be smaller than or equal to 2100', value=data__year, name='' + (name_prefix or 'data') + '.year', rule='maximum')
        if 'about' in data_keys:
            data_keys.remove('about')
            data__about = data['about']
            if not (isinstance(data__about, str) and data__about == 'uk' or (isinstance(data__about, str) and data__about == 'kr') or (isinstance(data__about, str) and data__about == 'both')):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + ".about must be one of ['uk', 'kr', 'both']", value=data__about, name='' + (name_prefix or 'data') + '.about', rule='enum')
        if 'about_inferred' in data_keys:
            data_keys.remove('about_inferred')
            data__aboutinferred = data['about_inferred']
            if not isinstance(data__aboutinferred, bool):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.about_inferred must be boolean', value=data__aboutinferred, name='' + (name_prefix or 'data') + '.about_inferred', rule='type')
        if 'as_printed' in data_keys:
            data_keys.remove('as_printed')
            data__asprinted = data['as_printed']
            validate____defs_text(data__asprinted, custom_formats)
        if 'source' in data_keys:
            data_keys.remove('source')
            data__source = data['source']
            validate____defs_citedsource(data__source, custom_formats)
        if 'printed_in' in data_keys:
            data_keys.remove('printed_in')
            data__printedin = data['printed_in']
            validate____defs_printedin(data__printedin, custom_formats)
        if 'conflicts_with' in data_keys:
            data_keys.remove('conflicts_with')
            data__conflictswith = data['conflicts_with']
            if not isinstance(data__conflictswith, (list, tuple)):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.conflicts_with must be array', value=data__conflictswith, name='' + (name_prefix or 'data') + '.conflicts_with', rule='type')
            data__conflictswith_is_list = isinstance(data__conflictswith, (list, tuple))
            if data__conflictswith_is_list:
                data__conflictswith_len = len(data__conflictswith)
                if data__conflictswith_len > _distinct(data__conflictswith):
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.conflicts_with must contain unique items', value=data__conflictswith, name='' + (name_prefix or 'data') + '.conflicts_with', rule='uniqueItems')
                for data__conflictswith_x, data__conflictswith_item in enumerate(data__conflictswith):
                    validate____defs_slug(data__conflictswith_item, custom_formats)
        if 'note' in data_keys:
            data_keys.remove('note')
            data__note = data['note']
            validate____defs_text(data__note, custom_formats)
        if data_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must not contain ' + str(data_keys) + ' properties', value=data, name='' + (name_prefix or 'data') + '', rule='additionalProperties')
    return data

def validate____defs_snapshot(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be object', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['place']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must contain ' + (str(sorted(data__missing_keys)) + ' properties'), value=data, name='' + (name_prefix or 'data') + '', rule='required')
        data_keys = set(data.keys())
        if 'place' in data_keys:
            data_keys.remove('place')
            data__place = data['place']
            validate____defs_slug(data__place, custom_formats)
        if 'population' in data_keys:
            data_keys.remove('population')
            data__population = data['population']
            if not isinstance(data__population, dict):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.population must be object', value=data__population, name='' + (name_prefix or 'data') + '.population', rule='type')
            data__population_is_dict = isinstance(data__population, dict)
            if data__population_is_dict:
                data__population__missing_keys = set(['value']) - data__population.keys()
                if data__population__missing_keys:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.population must contain ' + (str(sorted(data__population__missing_keys)) + ' properties'), value=data__population, name='' + (name_prefix or 'data') + '.population', rule='required')
                data__population_keys = set(data__population.keys())
                if 'value' in data__population_keys:
                    data__population_keys.remove('value')
                    data__population__value = data__population['value']
                    if not isinstance(data__population__value, int) and (not (isinstance(data__population__value, float) and data__population__value.is_integer())) or isinstance(data__population__value, bool):
                        raise JsonSchemaValueException('' + (name_prefix or 'data') + '.population.value must be integer', value=data__population__value, name='' + (name_prefix or 'data') + '.population.value', rule='type')
                    if isinstance(data__population__value, (int, float, Decimal)) and (not isinstance(data__population__value, bool)):
                        if data__population__value < 0:
                            raise JsonSchemaValueException('' + (name_prefix or 'data') + '.population.value must be bigger than or equal to 0', value=data__population__value, name='' + (name_prefix or 'data') + '.population.value', rule='minimum')
                if 'area' in data__population_keys:
                    data__population_keys.remove('area')
                    data__population__area = data__population['area']
                    validate____defs_text(data__population__area, custom_formats)
                if data__population_keys:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.population must not contain ' + str(data__population_keys) + ' properties', value=data__population, name='' + (name_prefix or 'data') + '.population', rule='additionalProperties')
        if 'gdp_per_head' in data_keys:
            data_keys.remove('gdp_per_head')
            data__gdpperhead = data['gdp_per_head']
            if not isinstance(data__gdpperhead, dict):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.gdp_per_head must be object', value=data__gdpperhead, name='' + (name_prefix or 'data') + '.gdp_per_head', rule='type')
            data__gdpperhead_is_dict = isinstance(data__gdpperhead, dict)
            if data__gdpperhead_is_dict:
                data__gdpperhead__missing_keys = set(['value', 'currency']) - data__gdpperhead.keys()
                if data__gdpperhead__missing_keys:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.gdp_per_head must contain ' + (str(sorted(data__gdpperhead__missing_keys)) + ' properties'), value=data__gdpperhead, name='' + (name_prefix or 'data') + '.gdp_per_head', rule='required')
                data__gdpperhead_keys = set(data__gdpperhead.keys())
                if 'value' in data__gdpperhead_keys:
                    data__gdpperhead_keys.remove('value')
                    data__gdpperhead__value = data__gdpperhead['value']
                    if not isinstance(data__gdpperhead__value, (int, float, Decimal)) or isinstance(data__gdpperhead__value, bool):
                        raise JsonSchemaValueException('' + (name_prefix or 'data') + '.gdp_per_head.value must be number', value=data__gdpperhead__value, name='' + (name_prefix or 'data') + '.gdp_per_head.value', rule='type')
                    if isinstance(data__gdpperhead__value, (int, float, Decimal)) and (not isinstance(data__gdpperhead__value, bool)):
                        if data__gdpperhead__value < 0:
                            raise JsonSchemaValueException('' + (name_prefix or 'data') + '.gdp_per_head.value must be bigger than or equal to 0', value=data__gdpperhead__value, name='' + (name_prefix or 'data') + '.gdp_per_head.value', rule='minimum')
                if 'currency' in data__gdpperhead_keys:
                    data__gdpperhead_keys.remove('currency')
                    data__gdpperhead__currency = data__gdpperhead['currency']
                    if not isinstance(data__gdpperhead__currency, str):
                        raise JsonSchemaValueException('' + (name_prefix or 'data') + '.gdp_per_head.currency must be string', value=data__gdpperhead__currency, name='' + (name_prefix or 'data') + '.gdp_per_head.currency', rule='type')
                    if isinstance(data__gdpperhead__currency, str):
                        if not REGEX_PATTERNS['^[A-Z]{3}$'].search(data__gdpperhead__currency):
                            raise JsonSchemaValueException('' + (name_prefix or 'data') + '.gdp_per_head.currency must match pattern ^[A-Z]{3}$', value=data__gdpperhead__currency, name='' + (name_prefix or 'data') + '.gdp_per_head.currency', rule='pattern')
                if 'year' in data__gdpperhead_keys:
                    data__gdpperhead_keys.remove('year')
                    data__gdpperhead__year = data__gdpperhead['year']
                    if not isinstance(data__gdpperhead__year, int) and (not (isinstance(data__gdpperhead__year, float) and data__gdpperhead__year.is_integer())) or isinstance(data__gdpperhead__year, bool):
                        raise JsonSchemaValueException('' + (name_prefix or 'data') + '.gdp_per_head.year must be integer', value=data__gdpperhead__year, name='' + (name_prefix or 'data') + '.gdp_per_head.year', rule='type')
                    if isinstance(data__gdpperhead__year, (int, float, Decimal)) and (not isinstance(data__gdpperhead__year, bool)):
                        if data__gdpperhead__year < 1900:
                            raise JsonSchemaValueException('' + (name_prefix or 'data') + '.gdp_per_head.year must be bigger than or equal to 1900', value=data__gdpperhead__year, name='' + (name_prefix or 'data') + '.gdp_per_head.year', rule='minimum')
                        if data__gdpperhead__year > 2100:
                            raise JsonSchemaValueException('' + (name_prefix or 'data') + '.gdp_per_head.year must be smaller than or equal to 2100', value=data__gdpperhead__year, name='' + (name_prefix or 'data') + '.gdp_per_head.year', rule='maximum')
                if 'as_written' in data__gdpperhead_keys:
                    data__gdpperhead_keys.remove('as_written')
                    data__gdpperhead__aswritten = data__gdpperhead['as_written']
                    validate____defs_text(data__gdpperhead__aswritten, custom_formats)
                if 'currency_inferred' in data__gdpperhead_keys:
                    data__gdpperhead_keys.remove('currency_inferred')
                    data__gdpperhead__currencyinferred = data__gdpperhead['currency_inferred']
                    if not isinstance(data__gdpperhead__currencyinferred, bool):
                        raise JsonSchemaValueException('' + (name_prefix or 'data') + '.gdp_per_head.currency_inferred must be boolean', value=data__gdpperhead__currencyinferred, name='' + (name_prefix or 'data') + '.gdp_per_head.currency_inferred', rule='type')
                if 'inference_reason' in data__gdpperhead_keys:
                    data__gdpperhead_keys.remove('inference_reason')
                    data__gdpperhead__inferencereason = data__gdpperhead['inference_reason']
                    validate____defs_inferencereason(data__gdpperhead__inferencereason, custom_formats)
                if data__gdpperhead_keys:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.gdp_per_head must not contain ' + str(data__gdpperhead_keys) + ' properties', value=data__gdpperhead, name='' + (name_prefix or 'data') + '.gdp_per_head', rule='additionalProperties')
        if 'key_sectors' in data_keys:
            data_keys.remove('key_sectors')
            data__keysectors = data['key_sectors']
            validate____defs_textlist(data__keysectors, custom_formats)
        if 'facts' in data_keys:
            data_keys.remove('facts')
            data__facts = data['facts']
            if not isinstance(data__facts, (list, tuple)):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.facts must be array', value=data__facts, name='' + (name_prefix or 'data') + '.facts', rule='type')
            data__facts_is_list = isinstance(data__facts, (list, tuple))
            if data__facts_is_list:
                data__facts_len = len(data__facts)
                for data__facts_x, data__facts_item in enumerate(data__facts):
                    validate____defs_figure(data__facts_item, custom_formats)
        if 'ambition' in data_keys:
            data_keys.remove('ambition')
            data__ambition = data['ambition']
            if not isinstance(data__ambition, dict):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.ambition must be object', value=data__ambition, name='' + (name_prefix or 'data') + '.ambition', rule='type')
            data__ambition_is_dict = isinstance(data__ambition, dict)
            if data__ambition_is_dict:
                data__ambition__missing_keys = set(['text']) - data__ambition.keys()
                if data__ambition__missing_keys:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.ambition must contain ' + (str(sorted(data__ambition__missing_keys)) + ' properties'), value=data__ambition, name='' + (name_prefix or 'data') + '.ambition', rule='required')
                data__ambition_keys = set(data__ambition.keys())
                if 'text' in data__ambition_keys:
                    data__ambition_keys.remove('text')
                    data__ambition__text = data__ambition['text']
                    validate____defs_text(data__ambition__text, custom_formats)
                if 'by' in data__ambition_keys:
                    data__ambition_keys.remove('by')
                    data__ambition__by = data__ambition['by']
                    validate____defs_personid(data__ambition__by, custom_formats)
                if data__ambition_keys:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.ambition must not contain ' + str(data__ambition_keys) + ' properties', value=data__ambition, name='' + (name_prefix or 'data') + '.ambition', rule='additionalProperties')
        if 'ecosystem' in data_keys:
            data_keys.remove('ecosystem')
            data__ecosystem = data['ecosystem']
            if not isinstance(data__ecosystem, dict):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.ecosystem must be object', value=data__ecosystem, name='' + (name_prefix or 'data') + '.ecosystem', rule='type')
            data__ecosystem_is_dict = isinstance(data__ecosystem, dict)
            if data__ecosystem_is_dict:
                data__ecosystem_keys = set(data__ecosystem.keys())
                if 'strengths' in data__ecosystem_keys:
                    data__ecosystem_keys.remove('strengths')
                    data__ecosystem__strengths = data__ecosystem['strengths']
                    validate____defs_textlist(data__ecosystem__strengths, custom_formats)
                if 'research' in data__ecosystem_keys:
                    data__ecosystem_keys.remove('research')
                    data__ecosystem__research = data__ecosystem['research']
                    validate____defs_textlist(data__ecosystem__research, custom_formats)
                if 'academia' in data__ecosystem_keys:
                    data__ecosystem_keys.remove('academia')
                    data__ecosystem__academia = data__ecosystem['academia']
                    validate____defs_textlist(data__ecosystem__academia, custom_formats)
                if 'civic_policy' in data__ecosystem_keys:
                    data__ecosystem_keys.remove('civic_policy')
                    data__ecosystem__civicpolicy = data__ecosystem['civic_policy']
                    validate____defs_textlist(data__ecosystem__civicpolicy, custom_formats)
                if 'business' in data__ecosystem_keys:
                    data__ecosystem_keys.remove('business')
                    data__ecosystem__business = data__ecosystem['business']
                    validate____defs_textlist(data__ecosystem__business, custom_formats)
                if 'facilities' in data__ecosystem_keys:
                    data__ecosystem_keys.remove('facilities')
                    data__ecosystem__facilities = data__ecosystem['facilities']
                    validate____defs_textlist(data__ecosystem__facilities, custom_formats)
                if data__ecosystem_keys:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.ecosystem must not contain ' + str(data__ecosystem_keys) + ' properties', value=data__ecosystem, name='' + (name_prefix or 'data') + '.ecosystem', rule='additionalProperties')
        if data_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must not contain ' + str(data_keys) + ' properties', value=data, name='' + (name_prefix or 'data') + '', rule='additionalProperties')
    return data

def validate____defs_figure(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be object', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['label', 'value']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must contain ' + (str(sorted(data__missing_keys)) + ' properties'), value=data, name='' + (name_prefix or 'data') + '', rule='required')
        data_keys = set(data.keys())
        if 'label' in data_keys:
            data_keys.remove('label')
            data__label = data['label']
            validate____defs_text(data__label, custom_formats)
        if 'value' in data_keys:
            data_keys.remove('value')
            data__value = data['value']
            validate____defs_text(data__value, custom_formats)
        if data_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must not contain ' + str(data_keys) + ' properties', value=data, name='' + (name_prefix or 'data') + '', rule='additionalProperties')
    return data

def validate____defs_inferencereason(data, custom_formats={}, name_prefix=None):
    validate____defs_text(data, custom_formats)
    return data

def validate____defs_milestone(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be object', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['title', 'date']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must contain ' + (str(sorted(data__missing_keys)) + ' properties'), value=data, name='' + (name_prefix or 'data') + '', rule='required')
        data_keys = set(data.keys())
        if 'title' in data_keys:
            data_keys.remove('title')
            data__title = data['title']
            validate____defs_text(data__title, custom_formats)
        if 'date' in data_keys:
            data_keys.remove('date')
            data__date = data['date']
            validate____defs_fuzzydate(data__date, custom_formats)
        if 'proposal' in data_keys:
            data_keys.remove('proposal')
            data__proposal = data['proposal']
            validate____defs_proposalid(data__proposal, custom_formats)
        if 'proposal_inferred' in data_keys:
            data_keys.remove('proposal_inferred')
            data__proposalinferred = data['proposal_inferred']
            if not isinstance(data__proposalinferred, bool):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.proposal_inferred must be boolean', value=data__proposalinferred, name='' + (name_prefix or 'data') + '.proposal_inferred', rule='type')
        if 'inference_reason' in data_keys:
            data_keys.remove('inference_reason')
            data__inferencereason = data['inference_reason']
            validate____defs_inferencereason(data__inferencereason, custom_formats)
        if 'source' in data_keys:
            data_keys.remove('source')
            data__source = data['source']
            validate____defs_text(data__source, custom_formats)
        if 'happened' in data_keys:
            data_keys.remove('happened')
            data__happened = data['happened']
            if not isinstance(data__happened, bool):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.happened must be boolean', value=data__happened, name='' + (name_prefix or 'data') + '.happened', rule='type')
        if 'happened_on' in data_keys:
            data_keys.remove('happened_on')
            data__happenedon = data['happened_on']
            validate____defs_fuzzydate(data__happenedon, custom_formats)
        if 'evidence' in data_keys:
            data_keys.remove('evidence')
            data__evidence = data['evidence']
            validate____defs_sourceorurl(data__evidence, custom_formats)
        if data_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must not contain ' + str(data_keys) + ' properties', value=data, name='' + (name_prefix or 'data') + '', rule='additionalProperties')
    return data

def validate____defs_sourceorurl(data, custom_formats={}, name_prefix=None):
    validate____defs_text(data, custom_formats)
    return data

def validate____defs_proposalid(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, str):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be string', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    if isinstance(data, str):
        if not REGEX_PATTERNS['^P[1-9][0-9]*$'].search(data):
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must match pattern ^P[1-9][0-9]*$', value=data, name='' + (name_prefix or 'data') + '', rule='pattern')
    return data

def validate____defs_proposal(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be object', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'title', 'stage', 'leads']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must contain ' + (str(sorted(data__missing_keys)) + ' properties'), value=data, name='' + (name_prefix or 'data') + '', rule='required')
        data_keys = set(data.keys())
        if 'id' in data_keys:
            data_keys.remove('id')
            data__id = data['id']
            validate____defs_proposalid(data__id, custom_formats)
        if 'title' in data_keys:
            data_keys.remove('title')
            data__title = data['title']
            validate____defs_text(data__title, custom_formats)
        if 'tagline' in data_keys:
            data_keys.remove('tagline')
            data__tagline = data['tagline']
            validate____defs_text(data__tagline, custom_formats)
        if 'stage' in data_keys:
            data_keys.remove('stage')
            data__stage = data['stage']
            if not (isinstance(data__stage, str) and data__stage == 'priority' or (isinstance(data__stage, str) and data__stage == 'future')):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + ".stage must be one of ['priority', 'future']", value=data__stage, name='' + (name_prefix or 'data') + '.stage', rule='enum')
        if 'vision' in data_keys:
            data_keys.remove('vision')
            data__vision = data['vision']
            validate____defs_text(data__vision, custom_formats)
        if 'description' in data_keys:
            data_keys.remove('description')
            data__description = data['description']
            validate____defs_text(data__description, custom_formats)
        if 'outcomes' in data_keys:
            data_keys.remove('outcomes')
            data__outcomes = data['outcomes']
            validate____defs_textlist(data__outcomes, custom_formats)
        if 'timeline' in data_keys:
            data_keys.remove('timeline')
            data__timeline = data['timeline']
            if not isinstance(data__timeline, dict):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.timeline must be object', value=data__timeline, name='' + (name_prefix or 'data') + '.timeline', rule='type')
            data__timeline_is_dict = isinstance(data__timeline, dict)
            if data__timeline_is_dict:
                data__timeline_keys = set(data__timeline.keys())
                if 'start' in data__timeline_keys:
                    data__timeline_keys.remove('start')
                    data__timeline__start = data__timeline['start']
                    validate____defs_month(data__timeline__start, custom_formats)
                if 'end' in data__timeline_keys:
                    data__timeline_keys.remove('end')
                    data__timeline__end = data__timeline['end']
                    validate____defs_month(data__timeline__end, custom_formats)
                if 'start_as_printed' in data__timeline_keys:
                    data__timeline_keys.remove('start_as_printed')
                    data__timeline__startasprinted = data__timeline['start_as_printed']
                    validate____defs_text(data__timeline__startasprinted, custom_formats)
                if 'end_as_printed' in data__timeline_keys:
                    data__timeline_keys.remove('end_as_printed')
                    data__timeline__endasprinted = data__timeline['end_as_printed']
                    validate____defs_text(data__timeline__endasprinted, custom_formats)
                if data__timeline_keys:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.timeline must not contain ' + str(data__timeline_keys) + ' properties', value=data__timeline, name='' + (name_prefix or 'data') + '.timeline', rule='additionalProperties')
        if 'leads' in data_keys:
            data_keys.remove('leads')
            data__leads = data['leads']
            if not isinstance(data__leads, (list, tuple)):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.leads must be array', value=data__leads, name='' + (name_prefix or 'data') + '.leads', rule='type')
            data__leads_is_list = isinstance(data__leads, (list, tuple))
            if data__leads_is_list:
                data__leads_len = len(data__leads)
                if data__leads_len < 1:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.leads must contain at least 1 items', value=data__leads, name='' + (name_prefix or 'data') + '.leads', rule='minItems')
                if data__leads_len > _distinct(data__leads):
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.leads must contain unique items', value=data__leads, name='' + (name_prefix or 'data') + '.leads', rule='uniqueItems')
                for data__leads_x, data__leads_item in enumerate(data__leads):
                    validate____defs_organisationid(data__leads_item, custom_formats)
        if 'contacts' in data_keys:
            data_keys.remove('contacts')
            data__contacts = data['contacts']
            if not isinstance(data__contacts, (list, tuple)):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.contacts must be array', value=data__contacts, name='' + (name_prefix or 'data') + '.contacts', rule='type')
            data__contacts_is_list = isinstance(data__contacts, (list, tuple))
            if data__contacts_is_list:
                data__contacts_len = len(data__contacts)
                if data__contacts_len > _distinct(data__contacts):
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.contacts must contain unique items', value=data__contacts, name='' + (name_prefix or 'data') + '.contacts', rule='uniqueItems')
                for data__contacts_x, data__contacts_item in enumerate(data__contacts):
                    validate____defs_personid(data__contacts_item, custom_formats)
        if 'types' in data_keys:
            data_keys.remove('types')
            data__types = data['types']
            validate____defs_typelist(data__types, custom_formats)
        if 'themes' in data_keys:
            data_keys.remove('themes')
            data__themes = data['themes']
            validate____defs_themelist(data__themes, custom_formats)
        if 'inferred' in data_keys:
            data_keys.remove('inferred')
            data__inferred = data['inferred']
            if not isinstance(data__inferred, dict):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.inferred must be object', value=data__inferred, name='' + (name_prefix or 'data') + '.inferred', rule='type')
            data__inferred_is_dict = isinstance(data__inferred, dict)
            if data__inferred_is_dict:
                data__inferred_keys = set(data__inferred.keys())
                if 'types' in data__inferred_keys:
                    data__inferred_keys.remove('types')
                    data__inferred__types = data__inferred['types']
                    validate____defs_typelist(data__inferred__types, custom_formats)
                if 'themes' in data__inferred_keys:
                    data__inferred_keys.remove('themes')
                    data__inferred__themes = data__inferred['themes']
                    validate____defs_themelist(data__inferred__themes, custom_formats)
                if 'reason' in data__inferred_keys:
                    data__inferred_keys.remove('reason')
                    data__inferred__reason = data__inferred['reason']
                    validate____defs_text(data__inferred__reason, custom_formats)
                if data__inferred_keys:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.inferred must not contain ' + str(data__inferred_keys) + ' properties', value=data__inferred, name='' + (name_prefix or 'data') + '.inferred', rule='additionalProperties')
        if 'progress' in data_keys:
            data_keys.remove('progress')
            data__progress = data['progress']
            validate____defs_progress(data__progress, custom_formats)
        if data_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must not contain ' + str(data_keys) + ' properties', value=data, name='' + (name_prefix or 'data') + '', rule='additionalProperties')
    return data

def validate____defs_progress(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be object', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['status', 'as_of']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must contain ' + (str(sorted(data__missing_keys)) + ' properties'), value=data, name='' + (name_prefix or 'data') + '', rule='required')
        data_keys = set(data.keys())
        if 'status' in data_keys:
            data_keys.remove('status')
            data__status = data['status']
            validate____defs_progressstatus(data__status, custom_formats)
        if 'as_of' in data_keys:
            data_keys.remove('as_of')
            data__asof = data['as_of']
            validate____defs_day(data__asof, custom_formats)
        if 'actual_start' in data_keys:
            data_keys.remove('actual_start')
            data__actualstart = data['actual_start']
            validate____defs_fuzzydate(data__actualstart, custom_formats)
        if 'actual_end' in data_keys:
            data_keys.remove('actual_end')
            data__actualend = data['actual_end']
            validate____defs_fuzzydate(data__actualend, custom_formats)
        if 'notes' in data_keys:
            data_keys.remove('notes')
            data__notes = data['notes']
            if not isinstance(data__notes, (list, tuple)):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.notes must be array', value=data__notes, name='' + (name_prefix or 'data') + '.notes', rule='type')
            data__notes_is_list = isinstance(data__notes, (list, tuple))
            if data__notes_is_list:
                data__notes_len = len(data__notes)
                for data__notes_x, data__notes_item in enumerate(data__notes):
                    validate____defs_progressnote(data__notes_item, custom_formats)
        if data_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must not contain ' + str(data_keys) + ' properties', value=data, name='' + (name_prefix or 'data') + '', rule='additionalProperties')
    return data

def validate____defs_progressnote(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be object', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['date', 'text']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must contain ' + (str(sorted(data__missing_keys)) + ' properties'), value=data, name='' + (name_prefix or 'data') + '', rule='required')
        data_keys = set(data.keys())
        if 'date' in data_keys:
            data_keys.remove('date')
            data__date = data['date']
            validate____defs_day(data__date, custom_formats)
        if 'text' in data_keys:
            data_keys.remove('text')
            data__text = data['text']
            validate____defs_text(data__text, custom_formats)
        if 'source' in data_keys:
            data_keys.remove('source')
            data__source = data['source']
            validate____defs_sourceorurl(data__source, custom_formats)
        if data_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must not contain ' + str(data_keys) + ' properties', value=data, name='' + (name_prefix or 'data') + '', rule='additionalProperties')
    return data

def validate____defs_progressstatus(data, custom_formats={}, name_prefix=None):
    if not (isinstance(data, str) and data == 'proposed' or (isinstance(data, str) and data == 'active') or (isinstance(data, str) and data == 'completed') or (isinstance(data, str) and data == 'paused') or (isinstance(data, str) and data == 'withdrawn')):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + " must be one of ['proposed', 'active', 'completed', 'paused', 'withdrawn']", value=data, name='' + (name_prefix or 'data') + '', rule='enum')
    return data

def validate____defs_themelist(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (list, tuple)):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be array', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    data_is_list = isinstance(data, (list, tuple))
    if data_is_list:
        data_len = len(data)
        if data_len > _distinct(data):
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must contain unique items', value=data, name='' + (name_prefix or 'data') + '', rule='uniqueItems')
        for data_x, data_item in enumerate(data):
            validate____defs_slug(data_item, custom_formats)
    return data

def validate____defs_typelist(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (list, tuple)):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be array', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    data_is_list = isinstance(data, (list, tuple))
    if data_is_list:
        data_len = len(data)
        if data_len > _distinct(data):
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must contain unique items', value=data, name='' + (name_prefix or 'data') + '', rule='uniqueItems')
        for data_x, data_item in enumerate(data):
            validate____defs_slug(data_item, custom_formats)
    return data

def validate____defs_month(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, str):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be string', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    if isinstance(data, str):
        if not REGEX_PATTERNS['^[0-9]{4}-[0-9]{2}$'].search(data):
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must match pattern ^[0-9]{4}-[0-9]{2}$', value=data, name='' + (name_prefix or 'data') + '', rule='pattern')
    return data

def validate____defs_person(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be object', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'name']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must contain ' + (str(sorted(data__missing_keys)) + ' properties'), value=data, name='' + (name_prefix or 'data') + '', rule='required')
        data_keys = set(data.keys())
        if 'id' in data_keys:
            data_keys.remove('id')
            data__id = data['id']
            validate____defs_slug(data__id, custom_formats)
        if 'name' in data_keys:
            data_keys.remove('name')
            data__name = data['name']
            validate____defs_text(data__name, custom_formats)
        if 'title' in data_keys:
            data_keys.remove('title')
            data__title = data['title']
            validate____defs_text(data__title, custom_formats)
        if 'role' in data_keys:
            data_keys.remove('role')
            data__role = data['role']
            validate____defs_text(data__role, custom_formats)
        if 'organisation' in data_keys:
            data_keys.remove('organisation')
            data__organisation = data['organisation']
            validate____defs_organisationid(data__organisation, custom_formats)
        if 'organisation_inferred' in data_keys:
            data_keys.remove('organisation_inferred')
            data__organisationinferred = data['organisation_inferred']
            if not isinstance(data__organisationinferred, bool):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.organisation_inferred must be boolean', value=data__organisationinferred, name='' + (name_prefix or 'data') + '.organisation_inferred', rule='type')
        if 'inference_reason' in data_keys:
            data_keys.remove('inference_reason')
            data__inferencereason = data['inference_reason']
            validate____defs_inferencereason(data__inferencereason, custom_formats)
        if 'email' in data_keys:
            data_keys.remove('email')
            data__email = data['email']
            if not isinstance(data__email, str):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.email must be string', value=data__email, name='' + (name_prefix or 'data') + '.email', rule='type')
            if isinstance(data__email, str):
                data__email_len = len(data__email)
                if data__email_len < 3:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.email must be longer than or equal to 3 characters', value=data__email, name='' + (name_prefix or 'data') + '.email', rule='minLength')
        if 'email_generic' in data_keys:
            data_keys.remove('email_generic')
            data__emailgeneric = data['email_generic']
            if not isinstance(data__emailgeneric, bool):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.email_generic must be boolean', value=data__emailgeneric, name='' + (name_prefix or 'data') + '.email_generic', rule='type')
        if 'publication' in data_keys:
            data_keys.remove('publication')
            data__publication = data['publication']
            if not (isinstance(data__publication, str) and data__publication == 'withhold'):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + ".publication must be one of ['withhold']", value=data__publication, name='' + (name_prefix or 'data') + '.publication', rule='enum')
        if data_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must not contain ' + str(data_keys) + ' properties', value=data, name='' + (name_prefix or 'data') + '', rule='additionalProperties')
    return data

def validate____defs_organisation(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be object', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'name', 'country', 'kind']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must contain ' + (str(sorted(data__missing_keys)) + ' properties'), value=data, name='' + (name_prefix or 'data') + '', rule='required')
        data_keys = set(data.keys())
        if 'id' in data_keys:
            data_keys.remove('id')
            data__id = data['id']
            validate____defs_slug(data__id, custom_formats)
        if 'name' in data_keys:
            data_keys.remove('name')
            data__name = data['name']
            validate____defs_text(data__name, custom_formats)
        if 'short_name' in data_keys:
            data_keys.remove('short_name')
            data__shortname = data['short_name']
            validate____defs_text(data__shortname, custom_formats)
        if 'aliases' in data_keys:
            data_keys.remove('aliases')
            data__aliases = data['aliases']
            validate____defs_textlist(data__aliases, custom_formats)
        if 'country' in data_keys:
            data_keys.remove('country')
            data__country = data['country']
            validate____defs_country(data__country, custom_formats)
        if 'place' in data_keys:
            data_keys.remove('place')
            data__place = data['place']
            validate____defs_slug(data__place, custom_formats)
        if 'kind' in data_keys:
            data_keys.remove('kind')
            data__kind = data['kind']
            if not (isinstance(data__kind, str) and data__kind == 'city-government' or (isinstance(data__kind, str) and data__kind == 'regional-government') or (isinstance(data__kind, str) and data__kind == 'national-government') or (isinstance(data__kind, str) and data__kind == 'university') or (isinstance(data__kind, str) and data__kind == 'research-centre') or (isinstance(data__kind, str) and data__kind == 'agency') or (isinstance(data__kind, str) and data__kind == 'company') or (isinstance(data__kind, str) and data__kind == 'public-corporation') or (isinstance(data__kind, str) and data__kind == 'non-profit') or (isinstance(data__kind, str) and data__kind == 'partnership') or (isinstance(data__kind, str) and data__kind == 'programme') or (isinstance(data__kind, str) and data__kind == 'facility')):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + ".kind must be one of ['city-government', 'regional-government', 'national-government', 'university', 'research-centre', 'agency', 'company', 'public-corporation', 'non-profit', 'partnership', 'programme', 'facility']", value=data__kind, name='' + (name_prefix or 'data') + '.kind', rule='enum')
        if 'parent' in data_keys:
            data_keys.remove('parent')
            data__parent = data['parent']
            validate____defs_organisationid(data__parent, custom_formats)
        if 'url' in data_keys:
            data_keys.remove('url')
            data__url = data['url']
            validate____defs_url(data__url, custom_formats)
        if 'description' in data_keys:
            data_keys.remove('description')
            data__description = data['description']
            validate____defs_text(data__description, custom_formats)
        if 'stakeholder' in data_keys:
            data_keys.remove('stakeholder')
            data__stakeholder = data['stakeholder']
            if not isinstance(data__stakeholder, bool):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.stakeholder must be boolean', value=data__stakeholder, name='' + (name_prefix or 'data') + '.stakeholder', rule='type')
        if data_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must not contain ' + str(data_keys) + ' properties', value=data, name='' + (name_prefix or 'data') + '', rule='additionalProperties')
    return data

def validate____defs_url(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, str):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be string', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    if isinstance(data, str):
        if not REGEX_PATTERNS['^https?://[^\\s]+$'].search(data):
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must match pattern ^https?://[^\\s]+$', value=data, name='' + (name_prefix or 'data') + '', rule='pattern')
    return data

def validate____defs_country(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, str):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be string', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    if isinstance(data, str):
        if not REGEX_PATTERNS['^[A-Z]{2}$'].search(data):
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must match pattern ^[A-Z]{2}$', value=data, name='' + (name_prefix or 'data') + '', rule='pattern')
    return data

def validate____defs_agreement(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be object', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'kind', 'title', 'parties']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must contain ' + (str(sorted(data__missing_keys)) + ' properties'), value=data, name='' + (name_prefix or 'data') + '', rule='required')
        data_keys = set(data.keys())
        if 'id' in data_keys:
            data_keys.remove('id')
            data__id = data['id']
            validate____defs_slug(data__id, custom_formats)
        if 'kind' in data_keys:
            data_keys.remove('kind')
            data__kind = data['kind']
            if not (isinstance(data__kind, str) and data__kind == 'mou' or (isinstance(data__kind, str) and data__kind == 'cooperation-agreement')):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + ".kind must be one of ['mou', 'cooperation-agreement']", value=data__kind, name='' + (name_prefix or 'data') + '.kind', rule='enum')
        if 'title' in data_keys:
            data_keys.remove('title')
            data__title = data['title']
            validate____defs_text(data__title, custom_formats)
        if 'parties' in data_keys:
            data_keys.remove('parties')
            data__parties = data['parties']
            if not isinstance(data__parties, (list, tuple)):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.parties must be array', value=data__parties, name='' + (name_prefix or 'data') + '.parties', rule='type')
            data__parties_is_list = isinstance(data__parties, (list, tuple))
            if data__parties_is_list:
                data__parties_len = len(data__parties)
                if data__parties_len < 2:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.parties must contain at least 2 items', value=data__parties, name='' + (name_prefix or 'data') + '.parties', rule='minItems')
                for data__parties_x, data__parties_item in enumerate(data__parties):
                    if not isinstance(data__parties_item, dict):
                        raise JsonSchemaValueException('' + (name_prefix or 'data') + '.parties[{data__parties_x}]'.format(**locals()) + ' must be object', value=data__parties_item, name='' + (name_prefix or 'data') + '.parties[{data__parties_x}]'.format(**locals()) + '', rule='type')
                    data__parties_item_is_dict = isinstance(data__parties_item, dict)
                    if data__parties_item_is_dict:
                        data__parties_item__missing_keys = set(['organisation']) - data__parties_item.keys()
                        if data__parties_item__missing_keys:
                            raise JsonSchemaValueException('' + (name_prefix or 'data') + '.parties[{data__parties_x}]'.format(**locals()) + ' must contain ' + (str(sorted(data__parties_item__missing_keys)) + ' properties'), value=data__parties_item, name='' + (name_prefix or 'data') + '.parties[{data__parties_x}]'.format(**locals()) + '', rule='required')
                        data__parties_item_keys = set(data__parties_item.keys())
                        if 'organisation' in data__parties_item_keys:
                            data__parties_item_keys.remove('organisation')
                            data__parties_item__organisation = data__parties_item['organisation']
                            validate____defs_organisationid(data__parties_item__organisation, custom_formats)
                        if 'represented_by' in data__parties_item_keys:
                            data__parties_item_keys.remove('represented_by')
                            data__parties_item__representedby = data__parties_item['represented_by']
                            validate____defs_personid(data__parties_item__representedby, custom_formats)
                        if 'as_printed' in data__parties_item_keys:
                            data__parties_item_keys.remove('as_printed')
                            data__parties_item__asprinted = data__parties_item['as_printed']
                            validate____defs_text(data__parties_item__asprinted, custom_formats)
                        if 'inferred' in data__parties_item_keys:
                            data__parties_item_keys.remove('inferred')
                            data__parties_item__inferred = data__parties_item['inferred']
                            if not isinstance(data__parties_item__inferred, bool):
                                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.parties[{data__parties_x}].inferred'.format(**locals()) + ' must be boolean', value=data__parties_item__inferred, name='' + (name_prefix or 'data') + '.parties[{data__parties_x}].inferred'.format(**locals()) + '', rule='type')
                        if 'inference_reason' in data__parties_item_keys:
                            data__parties_item_keys.remove('inference_reason')
                            data__parties_item__inferencereason = data__parties_item['inference_reason']
                            validate____defs_inferencereason(data__parties_item__inferencereason, custom_formats)
                        if data__parties_item_keys:
                            raise JsonSchemaValueException('' + (name_prefix or 'data') + '.parties[{data__parties_x}]'.format(**locals()) + ' must not contain ' + str(data__parties_item_keys) + ' properties', value=data__parties_item, name='' + (name_prefix or 'data') + '.parties[{data__parties_x}]'.format(**locals()) + '', rule='additionalProperties')
        if 'signed' in data_keys:
            data_keys.remove('signed')
            data__signed = data['signed']
            validate____defs_fuzzydate(data__signed, custom_formats)
        if 'signed_in' in data_keys:
            data_keys.remove('signed_in')
            data__signedin = data['signed_in']
            validate____defs_text(data__signedin, custom_formats)
        if 'valid_until' in data_keys:
            data_keys.remove('valid_until')
            data__validuntil = data['valid_until']
            validate____defs_fuzzydate(data__validuntil, custom_formats)
        if 'duration_years' in data_keys:
            data_keys.remove('duration_years')
            data__durationyears = data['duration_years']
            if not isinstance(data__durationyears, int) and (not (isinstance(data__durationyears, float) and data__durationyears.is_integer())) or isinstance(data__durationyears, bool):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.duration_years must be integer', value=data__durationyears, name='' + (name_prefix or 'data') + '.duration_years', rule='type')
            if isinstance(data__durationyears, (int, float, Decimal)) and (not isinstance(data__durationyears, bool)):
                if data__durationyears < 1:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.duration_years must be bigger than or equal to 1', value=data__durationyears, name='' + (name_prefix or 'data') + '.duration_years', rule='minimum')
        if 'focus_areas' in data_keys:
            data_keys.remove('focus_areas')
            data__focusareas = data['focus_areas']
            validate____defs_textlist(data__focusareas, custom_formats)
        if 'themes' in data_keys:
            data_keys.remove('themes')
            data__themes = data['themes']
            validate____defs_themelist(data__themes, custom_formats)
        if 'themes_inferred' in data_keys:
            data_keys.remove('themes_inferred')
            data__themesinferred = data['themes_inferred']
            validate____defs_themelist(data__themesinferred, custom_formats)
        if 'inference_reason' in data_keys:
            data_keys.remove('inference_reason')
            data__inferencereason = data['inference_reason']
            validate____defs_inferencereason(data__inferencereason, custom_formats)
        if 'commitments' in data_keys:
            data_keys.remove('commitments')
            data__commitments = data['commitments']
            validate____defs_textlist(data__commitments, custom_formats)
        if 'note' in data_keys:
            data_keys.remove('note')
            data__note = data['note']
            validate____defs_text(data__note, custom_formats)
        if 'source' in data_keys:
            data_keys.remove('source')
            data__source = data['source']
            validate____defs_text(data__source, custom_formats)
        if data_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must not contain ' + str(data_keys) + ' properties', value=data, name='' + (name_prefix or 'data') + '', rule='additionalProperties')
    return data

def validate____defs_source(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be object', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['file', 'title']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must contain ' + (str(sorted(data__missing_keys)) + ' properties'), value=data, name='' + (name_prefix or 'data') + '', rule='required')
        data_keys = set(data.keys())
        if 'file' in data_keys:
            data_keys.remove('file')
            data__file = data['file']
            validate____defs_text(data__file, custom_formats)
        if 'title' in data_keys:
            data_keys.remove('title')
            data__title = data['title']
            validate____defs_text(data__title, custom_formats)
        if 'kind' in data_keys:
            data_keys.remove('kind')
            data__kind = data['kind']
            if not (isinstance(data__kind, str) and data__kind == 'roadmap' or (isinstance(data__kind, str) and data__kind == 'press-release') or (isinstance(data__kind, str) and data__kind == 'web-page') or (isinstance(data__kind, str) and data__kind == 'news')):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + ".kind must be one of ['roadmap', 'press-release', 'web-page', 'news']", value=data__kind, name='' + (name_prefix or 'data') + '.kind', rule='enum')
        if 'date' in data_keys:
            data_keys.remove('date')
            data__date = data['date']
            validate____defs_fuzzydate(data__date, custom_formats)
        if data_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must not contain ' + str(data_keys) + ' properties', value=data, name='' + (name_prefix or 'data') + '', rule='additionalProperties')
    return data

def validate____defs_day(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, str):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be string', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    if isinstance(data, str):
        if not REGEX_PATTERNS['^[0-9]{4}-[0-9]{2}-[0-9]{2}$'].search(data):
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must match pattern ^[0-9]{4}-[0-9]{2}-[0-9]{2}$', value=data, name='' + (name_prefix or 'data') + '', rule='pattern')
    return data

def validate____defs_pair(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be object', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'name', 'places', 'programme', 'roadmap']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must contain ' + (str(sorted(data__missing_keys)) + ' properties'), value=data, name='' + (name_prefix or 'data') + '', rule='required')
        data_keys = set(data.keys())
        if 'id' in data_keys:
            data_keys.remove('id')
            data__id = data['id']
            validate____defs_slug(data__id, custom_formats)
        if 'name' in data_keys:
            data_keys.remove('name')
            data__name = data['name']
            validate____defs_text(data__name, custom_formats)
        if 'places' in data_keys:
            data_keys.remove('places')
            data__places = data['places']
            if not isinstance(data__places, (list, tuple)):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.places must be array', value=data__places, name='' + (name_prefix or 'data') + '.places', rule='type')
            data__places_is_list = isinstance(data__places, (list, tuple))
            if data__places_is_list:
                data__places_len = len(data__places)
                if data__places_len < 2:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.places must contain at least 2 items', value=data__places, name='' + (name_prefix or 'data') + '.places', rule='minItems')
                if data__places_len > 2:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.places must contain less than or equal to 2 items', value=data__places, name='' + (name_prefix or 'data') + '.places', rule='maxItems')
                for data__places_x, data__places_item in enumerate(data__places):
                    validate____defs_place(data__places_item, custom_formats)
        if 'programme' in data_keys:
            data_keys.remove('programme')
            data__programme = data['programme']
            validate____defs_slug(data__programme, custom_formats)
        if 'roadmap' in data_keys:
            data_keys.remove('roadmap')
            data__roadmap = data['roadmap']
            if not isinstance(data__roadmap, dict):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.roadmap must be object', value=data__roadmap, name='' + (name_prefix or 'data') + '.roadmap', rule='type')
            data__roadmap_is_dict = isinstance(data__roadmap, dict)
            if data__roadmap_is_dict:
                data__roadmap__missing_keys = set(['status']) - data__roadmap.keys()
                if data__roadmap__missing_keys:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.roadmap must contain ' + (str(sorted(data__roadmap__missing_keys)) + ' properties'), value=data__roadmap, name='' + (name_prefix or 'data') + '.roadmap', rule='required')
                data__roadmap_keys = set(data__roadmap.keys())
                if 'title' in data__roadmap_keys:
                    data__roadmap_keys.remove('title')
                    data__roadmap__title = data__roadmap['title']
                    validate____defs_text(data__roadmap__title, custom_formats)
                if 'status' in data__roadmap_keys:
                    data__roadmap_keys.remove('status')
                    data__roadmap__status = data__roadmap['status']
                    if not (isinstance(data__roadmap__status, str) and data__roadmap__status == 'published' or (isinstance(data__roadmap__status, str) and data__roadmap__status == 'in-development')):
                        raise JsonSchemaValueException('' + (name_prefix or 'data') + ".roadmap.status must be one of ['published', 'in-development']", value=data__roadmap__status, name='' + (name_prefix or 'data') + '.roadmap.status', rule='enum')
                if 'published' in data__roadmap_keys:
                    data__roadmap_keys.remove('published')
                    data__roadmap__published = data__roadmap['published']
                    validate____defs_fuzzydate(data__roadmap__published, custom_formats)
                if 'launched_in' in data__roadmap_keys:
                    data__roadmap_keys.remove('launched_in')
                    data__roadmap__launchedin = data__roadmap['launched_in']
                    validate____defs_text(data__roadmap__launchedin, custom_formats)
                if 'delivered_by' in data__roadmap_keys:
                    data__roadmap_keys.remove('delivered_by')
                    data__roadmap__deliveredby = data__roadmap['delivered_by']
                    if not isinstance(data__roadmap__deliveredby, (list, tuple)):
                        raise JsonSchemaValueException('' + (name_prefix or 'data') + '.roadmap.delivered_by must be array', value=data__roadmap__deliveredby, name='' + (name_prefix or 'data') + '.roadmap.delivered_by', rule='type')
                    data__roadmap__deliveredby_is_list = isinstance(data__roadmap__deliveredby, (list, tuple))
                    if data__roadmap__deliveredby_is_list:
                        data__roadmap__deliveredby_len = len(data__roadmap__deliveredby)
                        for data__roadmap__deliveredby_x, data__roadmap__deliveredby_item in enumerate(data__roadmap__deliveredby):
                            validate____defs_organisationid(data__roadmap__deliveredby_item, custom_formats)
                if 'summary' in data__roadmap_keys:
                    data__roadmap_keys.remove('summary')
                    data__roadmap__summary = data__roadmap['summary']
                    validate____defs_text(data__roadmap__summary, custom_formats)
                if 'source' in data__roadmap_keys:
                    data__roadmap_keys.remove('source')
                    data__roadmap__source = data__roadmap['source']
                    validate____defs_text(data__roadmap__source, custom_formats)
                if data__roadmap_keys:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.roadmap must not contain ' + str(data__roadmap_keys) + ' properties', value=data__roadmap, name='' + (name_prefix or 'data') + '.roadmap', rule='additionalProperties')
        if data_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must not contain ' + str(data_keys) + ' properties', value=data, name='' + (name_prefix or 'data') + '', rule='additionalProperties')
    return data

def validate____defs_place(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be object', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'name', 'country']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must contain ' + (str(sorted(data__missing_keys)) + ' properties'), value=data, name='' + (name_prefix or 'data') + '', rule='required')
        data_keys = set(data.keys())
        if 'id' in data_keys:
            data_keys.remove('id')
            data__id = data['id']
            validate____defs_slug(data__id, custom_formats)
        if 'name' in data_keys:
            data_keys.remove('name')
            data__name = data['name']
            validate____defs_text(data__name, custom_formats)
        if 'local_name' in data_keys:
            data_keys.remove('local_name')
            data__localname = data['local_name']
            validate____defs_text(data__localname, custom_formats)
        if 'country' in data_keys:
            data_keys.remove('country')
            data__country = data['country']
            validate____defs_country(data__country, custom_formats)
        if 'kind' in data_keys:
            data_keys.remove('kind')
            data__kind = data['kind']
            if not (isinstance(data__kind, str) and data__kind == 'city' or (isinstance(data__kind, str) and data__kind == 'city-region') or (isinstance(data__kind, str) and data__kind == 'metropolitan-city') or (isinstance(data__kind, str) and data__kind == 'special-self-governing-city')):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + ".kind must be one of ['city', 'city-region', 'metropolitan-city', 'special-self-governing-city']", value=data__kind, name='' + (name_prefix or 'data') + '.kind', rule='enum')
        if data_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must not contain ' + str(data_keys) + ' properties', value=data, name='' + (name_prefix or 'data') + '', rule='additionalProperties')
    return data
REGEX_PATTERNS = _remembered(REGEX_PATTERNS)

PARTS = {'proposal': validate____defs_proposal}
