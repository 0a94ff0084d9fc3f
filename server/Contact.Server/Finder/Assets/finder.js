// Progressive enhancement for the find-a-centre page; the page works fully without it.
// Offers "Use my location" where the browser has geolocation: the position, rounded to about
// 100 metres, is sent as the search origin instead of a postcode. Nothing is stored.
(function () {
  "use strict";
  var body = document.body;
  body.className += " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
  var form = document.getElementById("find-form");
  var button = document.getElementById("use-location");
  var status = document.getElementById("location-status");
  if (!form || !button || !status || !("geolocation" in navigator)) return;
  body.className += " app-geolocation";
  button.addEventListener("click", function () {
    status.textContent = "Finding your location…";
    navigator.geolocation.getCurrentPosition(function (position) {
      form.elements.lat.value = position.coords.latitude.toFixed(3);
      form.elements.lon.value = position.coords.longitude.toFixed(3);
      form.elements.postcode.value = "";
      form.submit();
    }, function () {
      status.textContent = "Your location could not be found. Enter a postcode instead.";
    }, { enableHighAccuracy: false, maximumAge: 600000, timeout: 15000 });
  });
})();
