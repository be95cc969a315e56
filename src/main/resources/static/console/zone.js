// The upload form's time zone starts as the browser's own: a marketing team's dates are their local times, and
// a field left at UTC published them hours off. A zone the person typed (the form shown again) is left alone.
document.addEventListener('DOMContentLoaded', function () {
  var field = document.querySelector('input[name="timezone"][data-browser-zone]');
  var zone = window.Intl && Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (field && zone) {
    field.value = zone;
  }
});

// The history's times are the server's clock: shown in the browser's zone, named, as the other pages show times in
// the zone of the upload (a person in New York read "21:48:14 UTC" for a run started at 16:48 their time).
document.addEventListener('DOMContentLoaded', function () {
  if (!window.Intl) {
    return;
  }
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  var format = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit',
    minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  document.querySelectorAll('time[datetime]').forEach(function (time) {
    var at = new Date(time.getAttribute('datetime'));
    if (!time.getAttribute('datetime') || isNaN(at.getTime())) {
      return;
    }
    var parts = {};
    format.formatToParts(at).forEach(function (part) {
      parts[part.type] = part.value;
    });
    time.textContent = parts.year + '-' + parts.month + '-' + parts.day + ' ' + parts.hour + ':' + parts.minute + ':'
      + parts.second + ' ' + zone;
  });
});
