package org.atalaya.web.review;

import jakarta.inject.Singleton;
import org.atalaya.approval.InboxQueries;
import org.atalaya.web.MenuCount;

/** The menu's number beside the committee's inbox: indicator periods waiting for validation. */
@Singleton
class PendingCount implements MenuCount {
  private final InboxQueries inbox;

  PendingCount(InboxQueries inbox) {
    this.inbox = inbox;
  }

  @Override
  public long count() {
    return inbox.count();
  }
}
