package se.loftesgrafen.web;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.loftesgrafen.testing.RunningService;

class ScratchIT {
  @TempDir
  Path store;

  @Test
  void look() throws Exception {
    try (RunningService s = RunningService.start(store)) {
      for (String u : new String[] {"/api/themes/narkotika/municipalities", "/api/overview?pageSize=3",
          "/api/municipalities/1492/timeline", "/api/municipalities/1492/similar", "/api/coverage?pageSize=2",
          "/api/search?q=narkotikabrott", "/api/search?q=narkotika&format=csv", "/api/coverage?yaer=1", "/api/openapi.json", "/"}) {
        var r = s.get(u);
        System.out.println("==== " + u + " " + r.statusCode() + " " + r.headers().firstValue("Content-Type"));
        System.out.println(r.body().length() > 3000 ? r.body().substring(0, 3000) : r.body());
      }
    }
  }
}
