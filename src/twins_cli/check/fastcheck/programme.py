"""Compiled validator for schema/programme.schema.json. GENERATED: do not edit.

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
REGEX_PATTERNS = {'^[a-z0-9]+(-[a-z0-9]+)*$': '^[a-z0-9]+(-[a-z0-9]+)*\\Z'}
NoneType = type(None)

def validate(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be object', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['schema_version', 'programme', 'vocabulary']) - data.keys()
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
        if 'programme' in data_keys:
            data_keys.remove('programme')
            data__programme = data['programme']
            if not isinstance(data__programme, dict):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.programme must be object', value=data__programme, name='' + (name_prefix or 'data') + '.programme', rule='type')
            data__programme_is_dict = isinstance(data__programme, dict)
            if data__programme_is_dict:
                data__programme__missing_keys = set(['id', 'name']) - data__programme.keys()
                if data__programme__missing_keys:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.programme must contain ' + (str(sorted(data__programme__missing_keys)) + ' properties'), value=data__programme, name='' + (name_prefix or 'data') + '.programme', rule='required')
                data__programme_keys = set(data__programme.keys())
                if 'id' in data__programme_keys:
                    data__programme_keys.remove('id')
                    data__programme__id = data__programme['id']
                    validate____defs_slug(data__programme__id, custom_formats)
                if 'name' in data__programme_keys:
                    data__programme_keys.remove('name')
                    data__programme__name = data__programme['name']
                    validate____defs_text(data__programme__name, custom_formats)
                if 'description' in data__programme_keys:
                    data__programme_keys.remove('description')
                    data__programme__description = data__programme['description']
                    validate____defs_text(data__programme__description, custom_formats)
                if 'delivered_by' in data__programme_keys:
                    data__programme_keys.remove('delivered_by')
                    data__programme__deliveredby = data__programme['delivered_by']
                    if not isinstance(data__programme__deliveredby, (list, tuple)):
                        raise JsonSchemaValueException('' + (name_prefix or 'data') + '.programme.delivered_by must be array', value=data__programme__deliveredby, name='' + (name_prefix or 'data') + '.programme.delivered_by', rule='type')
                    data__programme__deliveredby_is_list = isinstance(data__programme__deliveredby, (list, tuple))
                    if data__programme__deliveredby_is_list:
                        data__programme__deliveredby_len = len(data__programme__deliveredby)
                        for data__programme__deliveredby_x, data__programme__deliveredby_item in enumerate(data__programme__deliveredby):
                            validate____defs_text(data__programme__deliveredby_item, custom_formats)
                if 'collaboration_areas' in data__programme_keys:
                    data__programme_keys.remove('collaboration_areas')
                    data__programme__collaborationareas = data__programme['collaboration_areas']
                    if not isinstance(data__programme__collaborationareas, (list, tuple)):
                        raise JsonSchemaValueException('' + (name_prefix or 'data') + '.programme.collaboration_areas must be array', value=data__programme__collaborationareas, name='' + (name_prefix or 'data') + '.programme.collaboration_areas', rule='type')
                    data__programme__collaborationareas_is_list = isinstance(data__programme__collaborationareas, (list, tuple))
                    if data__programme__collaborationareas_is_list:
                        data__programme__collaborationareas_len = len(data__programme__collaborationareas)
                        for data__programme__collaborationareas_x, data__programme__collaborationareas_item in enumerate(data__programme__collaborationareas):
                            validate____defs_text(data__programme__collaborationareas_item, custom_formats)
                if 'pairs' in data__programme_keys:
                    data__programme_keys.remove('pairs')
                    data__programme__pairs = data__programme['pairs']
                    if not isinstance(data__programme__pairs, (list, tuple)):
                        raise JsonSchemaValueException('' + (name_prefix or 'data') + '.programme.pairs must be array', value=data__programme__pairs, name='' + (name_prefix or 'data') + '.programme.pairs', rule='type')
                    data__programme__pairs_is_list = isinstance(data__programme__pairs, (list, tuple))
                    if data__programme__pairs_is_list:
                        data__programme__pairs_len = len(data__programme__pairs)
                        if data__programme__pairs_len > _distinct(data__programme__pairs):
                            raise JsonSchemaValueException('' + (name_prefix or 'data') + '.programme.pairs must contain unique items', value=data__programme__pairs, name='' + (name_prefix or 'data') + '.programme.pairs', rule='uniqueItems')
                        for data__programme__pairs_x, data__programme__pairs_item in enumerate(data__programme__pairs):
                            validate____defs_slug(data__programme__pairs_item, custom_formats)
                if 'source' in data__programme_keys:
                    data__programme_keys.remove('source')
                    data__programme__source = data__programme['source']
                    validate____defs_text(data__programme__source, custom_formats)
                if 'aims' in data__programme_keys:
                    data__programme_keys.remove('aims')
                    data__programme__aims = data__programme['aims']
                    if not isinstance(data__programme__aims, (list, tuple)):
                        raise JsonSchemaValueException('' + (name_prefix or 'data') + '.programme.aims must be array', value=data__programme__aims, name='' + (name_prefix or 'data') + '.programme.aims', rule='type')
                    data__programme__aims_is_list = isinstance(data__programme__aims, (list, tuple))
                    if data__programme__aims_is_list:
                        data__programme__aims_len = len(data__programme__aims)
                        for data__programme__aims_x, data__programme__aims_item in enumerate(data__programme__aims):
                            validate____defs_citedtext(data__programme__aims_item, custom_formats)
                if 'phases' in data__programme_keys:
                    data__programme_keys.remove('phases')
                    data__programme__phases = data__programme['phases']
                    if not isinstance(data__programme__phases, (list, tuple)):
                        raise JsonSchemaValueException('' + (name_prefix or 'data') + '.programme.phases must be array', value=data__programme__phases, name='' + (name_prefix or 'data') + '.programme.phases', rule='type')
                    data__programme__phases_is_list = isinstance(data__programme__phases, (list, tuple))
                    if data__programme__phases_is_list:
                        data__programme__phases_len = len(data__programme__phases)
                        for data__programme__phases_x, data__programme__phases_item in enumerate(data__programme__phases):
                            validate____defs_phase(data__programme__phases_item, custom_formats)
                if 'pairing_basis' in data__programme_keys:
                    data__programme_keys.remove('pairing_basis')
                    data__programme__pairingbasis = data__programme['pairing_basis']
                    if not isinstance(data__programme__pairingbasis, (list, tuple)):
                        raise JsonSchemaValueException('' + (name_prefix or 'data') + '.programme.pairing_basis must be array', value=data__programme__pairingbasis, name='' + (name_prefix or 'data') + '.programme.pairing_basis', rule='type')
                    data__programme__pairingbasis_is_list = isinstance(data__programme__pairingbasis, (list, tuple))
                    if data__programme__pairingbasis_is_list:
                        data__programme__pairingbasis_len = len(data__programme__pairingbasis)
                        for data__programme__pairingbasis_x, data__programme__pairingbasis_item in enumerate(data__programme__pairingbasis):
                            validate____defs_citedtext(data__programme__pairingbasis_item, custom_formats)
                if data__programme_keys:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.programme must not contain ' + str(data__programme_keys) + ' properties', value=data__programme, name='' + (name_prefix or 'data') + '.programme', rule='additionalProperties')
        if 'vocabulary' in data_keys:
            data_keys.remove('vocabulary')
            data__vocabulary = data['vocabulary']
            if not isinstance(data__vocabulary, dict):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.vocabulary must be object', value=data__vocabulary, name='' + (name_prefix or 'data') + '.vocabulary', rule='type')
            data__vocabulary_is_dict = isinstance(data__vocabulary, dict)
            if data__vocabulary_is_dict:
                data__vocabulary__missing_keys = set(['themes', 'types']) - data__vocabulary.keys()
                if data__vocabulary__missing_keys:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.vocabulary must contain ' + (str(sorted(data__vocabulary__missing_keys)) + ' properties'), value=data__vocabulary, name='' + (name_prefix or 'data') + '.vocabulary', rule='required')
                data__vocabulary_keys = set(data__vocabulary.keys())
                if 'themes' in data__vocabulary_keys:
                    data__vocabulary_keys.remove('themes')
                    data__vocabulary__themes = data__vocabulary['themes']
                    if not isinstance(data__vocabulary__themes, (list, tuple)):
                        raise JsonSchemaValueException('' + (name_prefix or 'data') + '.vocabulary.themes must be array', value=data__vocabulary__themes, name='' + (name_prefix or 'data') + '.vocabulary.themes', rule='type')
                    data__vocabulary__themes_is_list = isinstance(data__vocabulary__themes, (list, tuple))
                    if data__vocabulary__themes_is_list:
                        data__vocabulary__themes_len = len(data__vocabulary__themes)
                        if data__vocabulary__themes_len < 1:
                            raise JsonSchemaValueException('' + (name_prefix or 'data') + '.vocabulary.themes must contain at least 1 items', value=data__vocabulary__themes, name='' + (name_prefix or 'data') + '.vocabulary.themes', rule='minItems')
                        for data__vocabulary__themes_x, data__vocabulary__themes_item in enumerate(data__vocabulary__themes):
                            validate____defs_term(data__vocabulary__themes_item, custom_formats)
                if 'types' in data__vocabulary_keys:
                    data__vocabulary_keys.remove('types')
                    data__vocabulary__types = data__vocabulary['types']
                    if not isinstance(data__vocabulary__types, (list, tuple)):
                        raise JsonSchemaValueException('' + (name_prefix or 'data') + '.vocabulary.types must be array', value=data__vocabulary__types, name='' + (name_prefix or 'data') + '.vocabulary.types', rule='type')
                    data__vocabulary__types_is_list = isinstance(data__vocabulary__types, (list, tuple))
                    if data__vocabulary__types_is_list:
                        data__vocabulary__types_len = len(data__vocabulary__types)
                        if data__vocabulary__types_len < 1:
                            raise JsonSchemaValueException('' + (name_prefix or 'data') + '.vocabulary.types must contain at least 1 items', value=data__vocabulary__types, name='' + (name_prefix or 'data') + '.vocabulary.types', rule='minItems')
                        for data__vocabulary__types_x, data__vocabulary__types_item in enumerate(data__vocabulary__types):
                            validate____defs_term(data__vocabulary__types_item, custom_formats)
                if data__vocabulary_keys:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.vocabulary must not contain ' + str(data__vocabulary_keys) + ' properties', value=data__vocabulary, name='' + (name_prefix or 'data') + '.vocabulary', rule='additionalProperties')
        if data_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must not contain ' + str(data_keys) + ' properties', value=data, name='' + (name_prefix or 'data') + '', rule='additionalProperties')
    return data

def validate____defs_term(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be object', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['slug', 'label']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must contain ' + (str(sorted(data__missing_keys)) + ' properties'), value=data, name='' + (name_prefix or 'data') + '', rule='required')
        data_keys = set(data.keys())
        if 'slug' in data_keys:
            data_keys.remove('slug')
            data__slug = data['slug']
            validate____defs_slug(data__slug, custom_formats)
        if 'label' in data_keys:
            data_keys.remove('label')
            data__label = data['label']
            validate____defs_text(data__label, custom_formats)
        if 'aliases' in data_keys:
            data_keys.remove('aliases')
            data__aliases = data['aliases']
            if not isinstance(data__aliases, (list, tuple)):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.aliases must be array', value=data__aliases, name='' + (name_prefix or 'data') + '.aliases', rule='type')
            data__aliases_is_list = isinstance(data__aliases, (list, tuple))
            if data__aliases_is_list:
                data__aliases_len = len(data__aliases)
                if data__aliases_len > _distinct(data__aliases):
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.aliases must contain unique items', value=data__aliases, name='' + (name_prefix or 'data') + '.aliases', rule='uniqueItems')
                for data__aliases_x, data__aliases_item in enumerate(data__aliases):
                    validate____defs_text(data__aliases_item, custom_formats)
        if 'description' in data_keys:
            data_keys.remove('description')
            data__description = data['description']
            validate____defs_text(data__description, custom_formats)
        if data_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must not contain ' + str(data_keys) + ' properties', value=data, name='' + (name_prefix or 'data') + '', rule='additionalProperties')
    return data

def validate____defs_phase(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be object', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['number', 'title', 'period', 'source', 'printed_in']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must contain ' + (str(sorted(data__missing_keys)) + ' properties'), value=data, name='' + (name_prefix or 'data') + '', rule='required')
        data_keys = set(data.keys())
        if 'number' in data_keys:
            data_keys.remove('number')
            data__number = data['number']
            if not isinstance(data__number, int) and (not (isinstance(data__number, float) and data__number.is_integer())) or isinstance(data__number, bool):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.number must be integer', value=data__number, name='' + (name_prefix or 'data') + '.number', rule='type')
            if isinstance(data__number, (int, float, Decimal)) and (not isinstance(data__number, bool)):
                if data__number < 1:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.number must be bigger than or equal to 1', value=data__number, name='' + (name_prefix or 'data') + '.number', rule='minimum')
        if 'title' in data_keys:
            data_keys.remove('title')
            data__title = data['title']
            validate____defs_text(data__title, custom_formats)
        if 'period' in data_keys:
            data_keys.remove('period')
            data__period = data['period']
            validate____defs_text(data__period, custom_formats)
        if 'from_year' in data_keys:
            data_keys.remove('from_year')
            data__fromyear = data['from_year']
            if not isinstance(data__fromyear, int) and (not (isinstance(data__fromyear, float) and data__fromyear.is_integer())) or isinstance(data__fromyear, bool):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.from_year must be integer', value=data__fromyear, name='' + (name_prefix or 'data') + '.from_year', rule='type')
            if isinstance(data__fromyear, (int, float, Decimal)) and (not isinstance(data__fromyear, bool)):
                if data__fromyear < 1900:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.from_year must be bigger than or equal to 1900', value=data__fromyear, name='' + (name_prefix or 'data') + '.from_year', rule='minimum')
                if data__fromyear > 2100:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.from_year must be smaller than or equal to 2100', value=data__fromyear, name='' + (name_prefix or 'data') + '.from_year', rule='maximum')
        if 'to_year' in data_keys:
            data_keys.remove('to_year')
            data__toyear = data['to_year']
            if not isinstance(data__toyear, int) and (not (isinstance(data__toyear, float) and data__toyear.is_integer())) or isinstance(data__toyear, bool):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.to_year must be integer', value=data__toyear, name='' + (name_prefix or 'data') + '.to_year', rule='type')
            if isinstance(data__toyear, (int, float, Decimal)) and (not isinstance(data__toyear, bool)):
                if data__toyear < 1900:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.to_year must be bigger than or equal to 1900', value=data__toyear, name='' + (name_prefix or 'data') + '.to_year', rule='minimum')
                if data__toyear > 2100:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.to_year must be smaller than or equal to 2100', value=data__toyear, name='' + (name_prefix or 'data') + '.to_year', rule='maximum')
        if 'activities' in data_keys:
            data_keys.remove('activities')
            data__activities = data['activities']
            if not isinstance(data__activities, (list, tuple)):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.activities must be array', value=data__activities, name='' + (name_prefix or 'data') + '.activities', rule='type')
            data__activities_is_list = isinstance(data__activities, (list, tuple))
            if data__activities_is_list:
                data__activities_len = len(data__activities)
                for data__activities_x, data__activities_item in enumerate(data__activities):
                    validate____defs_text(data__activities_item, custom_formats)
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

def validate____defs_printedin(data, custom_formats={}, name_prefix=None):
    validate____defs_text(data, custom_formats)
    return data

def validate____defs_citedsource(data, custom_formats={}, name_prefix=None):
    validate____defs_text(data, custom_formats)
    return data

def validate____defs_citedtext(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be object', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['text', 'source', 'printed_in']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must contain ' + (str(sorted(data__missing_keys)) + ' properties'), value=data, name='' + (name_prefix or 'data') + '', rule='required')
        data_keys = set(data.keys())
        if 'text' in data_keys:
            data_keys.remove('text')
            data__text = data['text']
            validate____defs_text(data__text, custom_formats)
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

def validate____defs_text(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, str):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be string', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    if isinstance(data, str):
        data_len = len(data)
        if data_len < 1:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be longer than or equal to 1 characters', value=data, name='' + (name_prefix or 'data') + '', rule='minLength')
    return data

def validate____defs_slug(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, str):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be string', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    if isinstance(data, str):
        if not REGEX_PATTERNS['^[a-z0-9]+(-[a-z0-9]+)*$'].search(data):
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must match pattern ^[a-z0-9]+(-[a-z0-9]+)*$', value=data, name='' + (name_prefix or 'data') + '', rule='pattern')
    return data
REGEX_PATTERNS = _remembered(REGEX_PATTERNS)

PARTS = {}
