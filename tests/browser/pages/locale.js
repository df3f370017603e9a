// A page's own words: Italian, which has no table of its own, and one
// German word changed. Set before the elements load their words.
IncidentTimelineElement.strings.it = {
  'toolbar.table': 'Tabella',
  'toolbar.reset': 'Ripristina',
  'table.lane': 'Corsia',
  'duration.minutes': '{n} min',
  'kind.outage': 'Interruzione',
};
IncidentTimelineElement.strings['de-DE'] = { 'toolbar.table': 'Liste' };
