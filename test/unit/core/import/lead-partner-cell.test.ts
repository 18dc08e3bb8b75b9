import { splitRoles } from "../../../../src/core/import/lead-partner-cell";

test.each([
  [
    "Chủ trì: Sở Ngoại vụ\nPhối hợp: Công an tỉnh, Sở Nội vụ",
    "Sở Ngoại vụ",
    "Công an tỉnh, Sở Nội vụ",
  ],
  ["- Chủ trì: Công an tỉnh;\n- Phối hợp: Sở Ngoại vụ.", "Công an tỉnh", "Sở Ngoại vụ"],
  ["Đơn vị chủ trì: Sở Tư pháp; Đơn vị phối hợp: Sở Nội vụ", "Sở Tư pháp", "Sở Nội vụ"],
  ["Sở Tài chính chủ trì, phối hợp với Sở Ngoại vụ", "Sở Tài chính", "Sở Ngoại vụ"],
  ["Sở Nội vụ (chủ trì, phối hợp Sở Tư pháp)", "Sở Nội vụ", "Sở Tư pháp"],
  ["Sở Y tế (chủ trì); Công an tỉnh (phối hợp)", "Sở Y tế", "Công an tỉnh"],
])("%j names a lead and partners", (cell, lead, partners) => {
  expect(splitRoles(cell)).toEqual({ lead, partners });
});

test.each([
  "Sở Ngoại vụ",
  "Sở Ngoại vụ, Công an tỉnh",
  "Chủ trì: Sở Ngoại vụ",
  "Các cơ quan phối hợp thực hiện",
])("%j names one role: kept whole", (cell) => {
  expect(splitRoles(cell)).toBeNull();
});
