// Browsers come from Debian (/usr/bin/chromium, /usr/bin/firefox-esr); puppeteer's own download cannot work here.
module.exports = { skipDownload: true };
