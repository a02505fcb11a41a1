(function () {
  "use strict";
  var table = document.getElementById("statement-table");
  var bar = document.getElementById("filters");
  if (!table || !bar) {
    return;
  }
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var byType = document.getElementById("filter-type");
  var byTopic = document.getElementById("filter-topic");
  var bySection = document.getElementById("filter-section");
  var count = document.getElementById("filter-count");

  function matches(row) {
    var topics = (row.getAttribute("data-topics") || "").split(" ");
    return (byType.value === "" || row.getAttribute("data-type") === byType.value) &&
      (byTopic.value === "" || topics.indexOf(byTopic.value) !== -1) &&
      (bySection.value === "" || row.getAttribute("data-section") === bySection.value);
  }

  function apply() {
    var shown = 0;
    rows.forEach(function (row) {
      var visible = matches(row);
      row.hidden = !visible;
      if (visible) {
        shown += 1;
      }
    });
    count.textContent = "Showing " + shown + " of " + rows.length + " statements";
  }

  function reset() {
    byType.value = "";
    byTopic.value = "";
    bySection.value = "";
    apply();
  }

  function revealTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var row = id ? document.getElementById(id) : null;
    if (row && row.hidden) {
      reset();
      row.scrollIntoView();
    }
  }

  [byType, byTopic, bySection].forEach(function (select) {
    select.addEventListener("change", apply);
  });
  document.getElementById("filter-reset").addEventListener("click", reset);
  window.addEventListener("hashchange", revealTarget);
  bar.hidden = false;
  apply();
}());
