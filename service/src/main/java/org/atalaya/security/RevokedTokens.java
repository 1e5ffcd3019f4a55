package org.atalaya.security;

import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;
import org.atalaya.database.NamedStatement;

/**
 * Token ids ended by a logout. Kept in the database, not in memory, so that every replica of the
 * service refuses a token once any of them logged it out.
 */
@Singleton
public class RevokedTokens {
  private final DataSource dataSource;

  RevokedTokens(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Connectable
  public boolean isRevoked(String jti) {
    try (var c = dataSource.getConnection();
        var s = NamedStatement.prepare(c, "SELECT 1 FROM revoked_token WHERE jti = :jti")) {
      return s.setString("jti", jti).exists();
    } catch (SQLException e) {
      throw new IllegalStateException("could not check the token against revocations", e);
    }
  }

  @Connectable
  public void revoke(String jti, String username, Instant expiresAt) {
    try (var c = dataSource.getConnection();
        var purge = c.prepareStatement("DELETE FROM revoked_token WHERE expires_at < now()");
        var s =
            NamedStatement.prepare(
                c,
                """
                INSERT INTO revoked_token (jti, username, expires_at)
                VALUES (:jti, :username, :expires_at) ON CONFLICT (jti) DO NOTHING
                """)) {
      purge.executeUpdate();
      s.setString("jti", jti).setString("username", username);
      s.setTimestamp("expires_at", expiresAt).executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("could not revoke the token", e);
    }
  }
}
