(function () {
  var link = document.querySelector('[data-quick-exit]');
  if (!link) return;
  function leave(event) {
    if (event) event.preventDefault();
    document.body.hidden = true;
    document.title = '';
    location.replace(link.href);
  }
  link.addEventListener('click', leave);
  var presses = 0;
  var timer;
  addEventListener('keydown', function (event) {
    if (event.key !== 'Shift') { presses = 0; return; }
    if (event.repeat) return;
    clearTimeout(timer);
    timer = setTimeout(function () { presses = 0; }, 1000);
    if (++presses === 3) leave();
  });
})();
