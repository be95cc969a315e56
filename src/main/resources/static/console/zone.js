// The upload form's time zone starts as the browser's own: a marketing team's dates are their local times, and
// a field left at UTC published them hours off. A zone the person typed (the form shown again) is left alone.
document.addEventListener('DOMContentLoaded', function () {
  var field = document.querySelector('input[name="timezone"][data-browser-zone]');
  var zone = window.Intl && Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (field && zone) {
    field.value = zone;
  }
});
