/** Two jest projects: fast pure unit tests, and integration tests on real files (LibreOffice, python). */
// Type-checking is `npm run typecheck`'s job; here ts-jest only transpiles (tsconfig has isolatedModules).
const tsJest = ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }];
module.exports = {
  projects: [
    {
      displayName: "unit",
      testEnvironment: "node",
      roots: ["<rootDir>/test/unit"],
      transform: { "^.+\\.tsx?$": tsJest },
    },
    {
      displayName: "integration",
      testEnvironment: "node",
      roots: ["<rootDir>/test/integration"],
      transform: { "^.+\\.tsx?$": tsJest },
      // LibreOffice and python runs take seconds each.
      setupFilesAfterEnv: ["<rootDir>/test/helpers/integration-timeout.ts"],
    },
  ],
};
