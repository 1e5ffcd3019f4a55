package org.atalaya.web.admin;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * The users page: every account, the service accounts with their tokens, and the forms. After a
 * refused form the page comes back with the reasons and what was typed (never a password).
 *
 * @param notice what the last form did, already in the reader's language
 * @param draft the new user's fields as typed when the creation was refused
 */
public record UsersPage(
    List<UserRow> users,
    List<AccountRow> serviceAccounts,
    List<String> roles,
    List<String> serviceRoles,
    List<Option> institutions,
    List<String> errors,
    @Nullable String notice,
    Draft draft,
    int defaultDays,
    int maxDays) {

  public UsersPage {
    users = List.copyOf(users);
    serviceAccounts = List.copyOf(serviceAccounts);
    errors = List.copyOf(errors);
  }

  public record UserRow(
      String username,
      String role,
      boolean enabled,
      boolean locked,
      boolean serviceAccount,
      String createdAt,
      @Nullable String institution) {}

  /** An institution to choose: its code and its name. */
  public record Option(String code, String name) {}

  public record AccountRow(String username, String role, boolean enabled, List<TokenRow> tokens) {}

  public record TokenRow(
      long id,
      String name,
      String createdBy,
      String createdAt,
      String expiresAt,
      String lastUsedAt,
      String state,
      boolean active,
      @Nullable String revokedBy,
      @Nullable String revokeReason) {}

  /** What was typed in the creation forms, given back after a refusal. */
  public record Draft(
      @Nullable String username,
      @Nullable String role,
      @Nullable String serviceUsername,
      @Nullable String serviceRole,
      @Nullable String institution) {
    static final Draft EMPTY = new Draft(null, null, null, null, null);
  }
}
