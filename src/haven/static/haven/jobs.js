// Follows a background job in the page that asked for it: every element with data-job-poll is
// replaced every two seconds by its fresh copy from the server, until the job has finished (the
// finished fragment has no data-job-poll). No inline script: the site's CSP allows only this file.
(function () {
  "use strict";
  var EVERY_MS = 2000;

  function follow(element) {
    var url = element.getAttribute("data-job-poll");
    if (!url) { return; }
    window.setTimeout(function () {
      fetch(url, { credentials: "same-origin", headers: { "Accept": "text/html" } })
        .then(function (response) {
          if (!response.ok) { throw new Error(String(response.status)); }
          return response.text();
        })
        .then(function (html) {
          var holder = document.createElement("template");
          holder.innerHTML = html.trim();
          var fresh = holder.content.firstElementChild;
          if (!fresh) { return; }
          element.replaceWith(fresh);
          follow(fresh);
        })
        .catch(function () { follow(element); });  // a dropped connection: try again later
    }, EVERY_MS);
  }

  document.querySelectorAll("[data-job-poll]").forEach(follow);
})();
