// Integration tests run LibreOffice and python: give them minutes, not seconds.
jest.setTimeout(180000);
