// The exact commands to run the pane inside Excel desktop from `npm start` (Windows, macOS).
// Excel desktop loads add-ins only over https with a certificate the machine trusts, and finds a
// developer's manifest in a trusted catalog (Windows: a shared folder) or the wef folder (macOS).
// We print the commands instead of running them: they change the machine's trust settings, and
// office-addin-debugging / office-addin-dev-certs are not used (they send usage data).

const CATALOG_ID = "{6f3c1a52-8d4e-4b7a-9c21-5e0f7d2a4b20}";
const KEY = `HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\TrustedCatalogs\\${CATALOG_ID}`;

const WINDOWS = [
  "Chạy Phụ Lục trong Excel trên Windows (PowerShell, trong thư mục dự án):",
  "",
  "1. Chứng chỉ https cho localhost, tin cậy với người dùng hiện tại (một lần):",
  "   $c = New-SelfSignedCertificate -DnsName localhost -CertStoreLocation Cert:\\CurrentUser\\My -NotAfter (Get-Date).AddYears(2)",
  '   Export-Certificate -Cert $c -FilePath "$env:TEMP\\phuluc-localhost.cer"',
  '   Import-Certificate -FilePath "$env:TEMP\\phuluc-localhost.cer" -CertStoreLocation Cert:\\CurrentUser\\Root',
  '   Export-PfxCertificate -Cert $c -FilePath "$HOME\\.phuluc-localhost.pfx" -Password (ConvertTo-SecureString phuluc -AsPlainText -Force)',
  "",
  "2. Máy chủ https cho ngăn tác vụ (https://localhost:3000, đúng địa chỉ trong manifest.xml):",
  '   $env:PHULUC_HTTPS_PFX = "$HOME\\.phuluc-localhost.pfx"; $env:PHULUC_HTTPS_PASSPHRASE = "phuluc"; npm run dev-server',
  "",
  "3. Thư mục chia sẻ chứa manifest.xml làm danh mục bổ trợ tin cậy (một lần; New-SmbShare cần quyền quản trị):",
  "   New-Item -ItemType Directory -Force C:\\PhuLucManifest | Out-Null; Copy-Item manifest.xml C:\\PhuLucManifest\\",
  '   New-SmbShare -Name PhuLucManifest -Path C:\\PhuLucManifest -ReadAccess "$env:USERDOMAIN\\$env:USERNAME"',
  `   reg add "${KEY}" /v Id /d "${CATALOG_ID}" /f`,
  `   reg add "${KEY}" /v Url /d "\\\\$env:COMPUTERNAME\\PhuLucManifest" /f`,
  `   reg add "${KEY}" /v Flags /t REG_DWORD /d 1 /f`,
  "",
  "4. Mở lại Excel: Trang đầu › Bổ trợ › Bổ trợ khác › THƯ MỤC DÙNG CHUNG › Phụ Lục › Thêm.",
  "   (Home › Add-ins › More Add-ins › SHARED FOLDER › Phụ Lục › Add.)",
];

const MACOS = [
  "Chạy Phụ Lục trong Excel trên macOS (Terminal, trong thư mục dự án):",
  "",
  "1. Chứng chỉ https cho localhost, tin cậy trong chuỗi khóa đăng nhập (một lần):",
  '   openssl req -x509 -newkey rsa:2048 -nodes -days 730 -subj "/CN=localhost" -addext "subjectAltName=DNS:localhost" -keyout ~/.phuluc-localhost.key -out ~/.phuluc-localhost.crt',
  "   security add-trusted-cert -r trustRoot -k ~/Library/Keychains/login.keychain-db ~/.phuluc-localhost.crt",
  "",
  "2. Máy chủ https cho ngăn tác vụ (https://localhost:3000, đúng địa chỉ trong manifest.xml):",
  "   PHULUC_HTTPS_CERT=~/.phuluc-localhost.crt PHULUC_HTTPS_KEY=~/.phuluc-localhost.key npm run dev-server",
  "",
  "3. Nạp manifest.xml (một lần):",
  "   mkdir -p ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef",
  "   cp manifest.xml ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/",
  "",
  "4. Mở lại Excel: Trang đầu › Bổ trợ › Phụ Lục (Home › Add-ins › Phụ Lục).",
];

/** The lines to print for `platform` (process.platform), or [] where Excel desktop does not run. */
export function sideloadHelp(platform) {
  if (platform === "win32") return WINDOWS;
  if (platform === "darwin") return MACOS;
  return [];
}
